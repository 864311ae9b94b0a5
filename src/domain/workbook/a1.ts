import type { GridArea } from "./snapshot";

/** Column letters of a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  let rest = col + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** A1 address of 0-based sheet coordinates: (11, 5) → "F12". */
export function a1Address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Absolute A1 address ("$B$2") of 0-based sheet coordinates. */
export function absoluteA1Address(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

/** "A1:C9" of an area (a single cell when the area is one cell). */
export function areaAddress(area: GridArea): string {
  const start = a1Address(area.row, area.col);
  if (area.rowCount <= 1 && area.colCount <= 1) return start;
  return `${start}:${a1Address(area.row + area.rowCount - 1, area.col + area.colCount - 1)}`;
}

/** A sheet name as a formula reference needs it: 'Parámetros'!… is always quoted, quotes doubled. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
