import type { GridArea } from "./snapshot";

/** A 0-based cell position. */
export interface CellPosition {
  row: number;
  col: number;
}

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

/** "A1:C9" of an area; a single cell (or an empty area) gives its top-left cell alone. */
export function areaAddress(area: GridArea): string {
  const start = a1Address(area.row, area.col);
  if (area.rowCount <= 1 && area.colCount <= 1) return start;
  // An empty dimension still spans its first row/column, never one before it.
  const end = a1Address(area.row + Math.max(area.rowCount, 1) - 1, area.col + Math.max(area.colCount, 1) - 1);
  return `${start}:${end}`;
}

/** 0-based coordinates of "B12" or "$B$12"; null when it is not a cell address. */
export function parseA1(address: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  const [, letters = "", digits = ""] = match;
  const row = Number(digits);
  if (row < 1) return null;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: row - 1, col: col - 1 };
}

/** The area of "A1:C10", "B4" or "Hoja!B4" (the sheet prefix is ignored); null when unreadable. */
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

/** A sheet name as a formula reference needs it: 'Parámetros'!… is always quoted, quotes doubled. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Sheet-qualified address for messages and Office.js: "'No Conformidades'!B4", "Operaciones!F12" (quoted only when needed). */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[A-Za-zÁÉÍÓÚÑáéíóúñ_][\wÁÉÍÓÚÑáéíóúñ.]*$/.test(sheet);
  return `${plain ? sheet : quotedSheetName(sheet)}!${address}`;
}
