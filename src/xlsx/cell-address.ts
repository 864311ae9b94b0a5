import type { GridArea } from "../domain/workbook/snapshot";

/** Column letters of a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of 0-based coordinates: (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1:C10" for an area (a single cell gives "A1"). */
export function areaA1(area: GridArea): string {
  const topLeft = a1(area.row, area.col);
  if (area.rowCount <= 1 && area.colCount <= 1) return topLeft;
  return `${topLeft}:${a1(area.row + Math.max(area.rowCount, 1) - 1, area.col + Math.max(area.colCount, 1) - 1)}`;
}

/** 0-based coordinates of "B12" or "$B$12"; null when not a cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  const letters = (match[1] ?? "").toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** The area of "A1:C10" or "B4" (sheet prefix ignored); null when unreadable. */
export function parseArea(reference: string): GridArea | null {
  const withoutSheet = reference.includes("!") ? reference.slice(reference.lastIndexOf("!") + 1) : reference;
  const [first, second] = withoutSheet.split(":");
  const start = parseA1(first ?? "");
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return { row, col, rowCount: Math.abs(end.row - start.row) + 1, colCount: Math.abs(end.col - start.col) + 1 };
}

export function areaContains(area: GridArea, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rowCount && col >= area.col && col < area.col + area.colCount;
}

export function areasOverlap(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount
  );
}

/** The parts of `area` outside `hole` (at most four rectangles). */
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

/** Sheet name as it must appear in a reference: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
