import type { GridArea } from "../domain/workbook/snapshot";

/** Column letters of a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based cell: (11, 5) → "F12". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address of an area: "A1:C3" (a single cell stays "A1"). */
export function areaAddress(area: GridArea): string {
  const first = cellAddress(area.row, area.col);
  if (area.rowCount === 1 && area.colCount === 1) return first;
  return `${first}:${cellAddress(area.row + area.rowCount - 1, area.col + area.colCount - 1)}`;
}

/** 0-based coordinates of an A1 cell address ("F12" → {row: 11, col: 5}); null when it is not one. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const [, letters = "", digits = ""] = match;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(digits);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Sheet-qualified address for messages and formulas: "'No Conformidades'!B4", "Operaciones!F12". */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[A-Za-zÁÉÍÓÚÑáéíóúñ_][\wÁÉÍÓÚÑáéíóúñ.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}
