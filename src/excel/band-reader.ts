import type { GridArea } from "../domain/workbook/snapshot";
import { payloadBytes } from "./write-rectangles";

/**
 * Excel on the web refuses a request or a response over 5 MB (RichApi.Error ResponsePayloadSizeLimitExceeded) and
 * tells add-ins to split the work and sync per piece:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * Reads aim at 3 MB per sync, so that a band a little heavier than the ones measured before it still stays under 4 MB.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 3_000_000;

/** First guess of a cell's share of the response, before anything was measured: a long ADUANA formula. */
const FIRST_GUESS_BYTES_PER_CELL = 450;

/** How often a sync refused as too large is retried with bands half as big. */
const MAX_RETRIES = 6;

export interface GridRead {
  sheet: string;
  area: GridArea;
  property: "values" | "formulas";
}

export interface BandReadOptions {
  maxResponseBytes?: number;
  /** Called after each sync with the rows read so far over all reads, and the total. */
  onRows?: (done: number, total: number) => void;
  sync: () => Promise<void>;
}

interface Cursor {
  read: GridRead;
  next: number;
  bytesPerRow: number;
  /** False while bytesPerRow is still the first guess. */
  measured: boolean;
  rows: unknown[][];
}

interface Band {
  cursor: Cursor;
  start: number;
  rowCount: number;
  range: Excel.Range;
}

/** Largest response any sync of a band read brought back (JSON bytes of what was loaded), for the bench and tests. */
export interface BandReadStats {
  syncs: number;
  largestResponseBytes: number;
}

/**
 * Reads each grid in row bands, as many bands per sync as fit the byte budget, one sync per budget's worth:
 * the number of syncs grows with the bytes read, never one response of any size. Band heights follow the bytes
 * measured so far for the same grid; a sync Excel refuses as too large is retried with smaller bands.
 */
export async function readGrids(
  context: Excel.RequestContext,
  reads: readonly GridRead[],
  options: BandReadOptions,
  stats: BandReadStats = { syncs: 0, largestResponseBytes: 0 },
): Promise<unknown[][][]> {
  const budget = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const cursors: Cursor[] = reads.map((read) => ({
    read,
    next: 0,
    bytesPerRow: Math.max(1, read.area.colCount) * FIRST_GUESS_BYTES_PER_CELL,
    measured: false,
    rows: [],
  }));
  const total = reads.reduce((n, r) => n + r.area.rowCount, 0);
  let done = 0;
  let retries = 0;
  while (cursors.some((c) => c.next < c.read.area.rowCount)) {
    const bands: Band[] = [];
    let planned = 0;
    for (const cursor of cursors) {
      const { area, sheet, property } = cursor.read;
      while (cursor.next < area.rowCount) {
        const room = Math.floor((budget - planned) / cursor.bytesPerRow);
        if (room < 1 && bands.length > 0) break;
        const rowCount = Math.min(Math.max(1, room), area.rowCount - cursor.next);
        const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(area.row + cursor.next, area.col, rowCount, area.colCount);
        if (property === "values") range.load("values");
        else range.load("formulas");
        bands.push({ cursor, start: cursor.next, rowCount, range });
        cursor.next += rowCount;
        planned += rowCount * cursor.bytesPerRow;
      }
      if (planned >= budget) break;
    }
    try {
      stats.syncs += 1;
      await options.sync();
    } catch (error) {
      if (!isTooLarge(error) || retries >= MAX_RETRIES || bands.every((b) => b.rowCount === 1)) throw error;
      retries += 1;
      // Give the refused rows back and assume they weigh twice what was guessed.
      for (const band of [...bands].reverse()) band.cursor.next = Math.min(band.cursor.next, band.start);
      for (const cursor of new Set(bands.map((b) => b.cursor))) cursor.bytesPerRow *= 2;
      continue;
    }
    let responseBytes = 0;
    for (const band of bands) {
      const grid = band.range[band.cursor.read.property] as unknown[][];
      const bytes = payloadBytes(grid);
      responseBytes += bytes;
      // The heaviest band seen so far sizes the next ones: rows further down are rarely lighter than the first ones.
      const measured = Math.max(1, Math.ceil(bytes / band.rowCount));
      band.cursor.bytesPerRow = band.cursor.measured ? Math.max(band.cursor.bytesPerRow, measured) : measured;
      band.cursor.measured = true;
      for (const row of grid) band.cursor.rows.push(row);
      done += band.rowCount;
    }
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    options.onRows?.(done, total);
  }
  return cursors.map((c) => c.rows);
}

/** Excel on the web's refusal of a payload over its limit (RichApi.Error code). */
export function isTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}
