/** A cell to put in the sheet: a formula ("=…") or a constant as Excel's `formulas` setter takes it. */
export interface CellEntry {
  row: number;
  col: number;
  entry: string | number | boolean;
}

/** A filled rectangle of entries, written with one 2-D array. */
export interface EntryRectangle {
  row: number;
  col: number;
  entries: (string | number | boolean)[][];
}

/**
 * Groups cells into rectangles: runs of adjacent columns per row, then runs stacked on consecutive rows
 * with the same columns are merged. Every cell lands in exactly one rectangle; gaps are never written.
 */
export function groupIntoRectangles(cells: readonly CellEntry[]): EntryRectangle[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: EntryRectangle[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const lastRow = last?.entries[0];
    if (last && lastRow && last.row === cell.row && last.col + lastRow.length === cell.col) lastRow.push(cell.entry);
    else if (last && lastRow && last.row === cell.row && last.col + lastRow.length > cell.col) lastRow[cell.col - last.col] = cell.entry;
    else runs.push({ row: cell.row, col: cell.col, entries: [[cell.entry]] });
  }
  const merged: EntryRectangle[] = [];
  const openByShape = new Map<string, EntryRectangle>();
  for (const run of runs) {
    const width = run.entries[0]?.length ?? 0;
    const key = `${run.col}:${width}`;
    const open = openByShape.get(key);
    if (open && open.row + open.entries.length === run.row) {
      open.entries.push(run.entries[0] ?? []);
    } else {
      merged.push(run);
      openByShape.set(key, run);
    }
  }
  return merged;
}

/** Splits a rectangle into row bands whose estimated request size stays under `maxBytes`. */
export function splitRectangle(rect: EntryRectangle, maxBytes: number): EntryRectangle[] {
  const parts: EntryRectangle[] = [];
  let current: EntryRectangle = { row: rect.row, col: rect.col, entries: [] };
  // The outer brackets, then each row and the comma after it: the JSON of the 2-D array, byte for byte.
  let bytes = 2;
  rect.entries.forEach((rowEntries, r) => {
    const rowBytes = payloadBytes(rowEntries) + 1;
    if (current.entries.length > 0 && bytes + rowBytes > maxBytes) {
      parts.push(current);
      current = { row: rect.row + r, col: rect.col, entries: [] };
      bytes = 2;
    }
    current.entries.push(rowEntries);
    bytes += rowBytes;
  });
  if (current.entries.length > 0) parts.push(current);
  return parts;
}

/** Bytes a value adds to an Office.js request (its JSON text, UTF-8). */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  // Non-ASCII characters (tildes, ñ) take 2–3 bytes in UTF-8.
  for (let i = 0; i < json.length; i += 1) if (json.charCodeAt(i) > 0x7f) bytes += json.charCodeAt(i) > 0x7ff ? 2 : 1;
  return bytes;
}
