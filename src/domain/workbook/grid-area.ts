import type { GridArea } from "./snapshot";

/** Whether the 0-based cell (row, col) lies inside `area`. */
export function areaContains(area: GridArea, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rowCount && col >= area.col && col < area.col + area.colCount;
}

/** Whether two areas share at least one cell. */
export function areasOverlap(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount
  );
}

/** The parts of `area` outside `hole` (at most four rectangles: above, below, left, right). */
export function subtractArea(area: GridArea, hole: GridArea): GridArea[] {
  if (!areasOverlap(area, hole)) return [area];
  const parts: GridArea[] = [];
  const top = Math.max(area.row, hole.row);
  const bottom = Math.min(area.row + area.rowCount, hole.row + hole.rowCount);
  if (hole.row > area.row) parts.push({ row: area.row, col: area.col, rowCount: hole.row - area.row, colCount: area.colCount });
  if (bottom < area.row + area.rowCount) {
    parts.push({ row: bottom, col: area.col, rowCount: area.row + area.rowCount - bottom, colCount: area.colCount });
  }
  if (hole.col > area.col) parts.push({ row: top, col: area.col, rowCount: bottom - top, colCount: hole.col - area.col });
  const right = hole.col + hole.colCount;
  if (right < area.col + area.colCount) {
    parts.push({ row: top, col: right, rowCount: bottom - top, colCount: area.col + area.colCount - right });
  }
  return parts;
}
