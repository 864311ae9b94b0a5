import { headerText, matchHeaders } from "./header-matching";
import type { HeaderMatch } from "./header-matching";
import { ALL_SCHEMAS, RECORD_SCHEMAS } from "./schema";
import type { TableEntity, TableSchema } from "./schema-types";
import { cellFormula, cellValue, isBlank, lastUsedCol, lastUsedRow } from "./sheet-cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./snapshot";

/** Where a SPEC table's data lives: an Excel table, or a plain range the add-in recognised. */
export interface LocatedTable {
  readonly schema: TableSchema;
  readonly sheet: SheetSnapshot;
  /** The Excel table, or null for a plain range not yet converted. */
  readonly table: TableSnapshot | null;
  /** 0-based sheet row of the header row; data rows follow it. */
  readonly headerRow: number;
  readonly firstCol: number;
  readonly colCount: number;
  /** Rows below the header that belong to the data (blank rows inside included). */
  readonly dataRowCount: number;
  /** Header text per column, left to right. */
  readonly headers: readonly string[];
  readonly match: HeaderMatch;
}

export type LocatedTables = Readonly<Record<TableEntity, LocatedTable | null>>;

/** Sheets named like this are the add-in's backups, never data to read. */
export const BACKUP_PREFIX = "Respaldo";
/** Title rows a header row may sit under. */
const HEADER_SEARCH_ROWS = 15;
/** Recognised headers a range needs to count as a SPEC table (fewer on the sheet named after it). */
const MIN_RECOGNISED = 3;
const MIN_RECOGNISED_ON_NAMED_SHEET = 2;

/** Absolute sheet column of a SPEC column, or undefined when the table lacks it. */
export function columnOf(located: LocatedTable, key: string): number | undefined {
  const index = located.match.indexOf.get(key);
  return index === undefined ? undefined : located.firstCol + index;
}

/** An Excel table and the sheet that holds it. */
export interface TableOnSheet {
  readonly sheet: SheetSnapshot;
  readonly table: TableSnapshot;
}

/** The Excel table of that name (case-insensitive, as Excel compares them) and its sheet; one on a backup sheet last. */
export function findTable(snapshot: WorkbookSnapshot, tableName: string): TableOnSheet | undefined {
  const wanted = tableName.toLowerCase();
  let backup: TableOnSheet | undefined;
  for (const sheet of snapshot.sheets) {
    for (const table of sheet.tables) {
      if (table.name.toLowerCase() !== wanted) continue;
      if (!isBackupSheet(sheet)) return { sheet, table };
      backup ??= { sheet, table };
    }
  }
  return backup;
}

export function isBackupSheet(sheet: SheetSnapshot): boolean {
  return sheet.name.toLowerCase().startsWith(BACKUP_PREFIX.toLowerCase());
}

function fromTable(schema: TableSchema, sheet: SheetSnapshot, table: TableSnapshot): LocatedTable {
  const headers = table.columns.map((column) => headerText(column.header));
  return {
    schema,
    sheet,
    table,
    headerRow: table.area.row,
    firstCol: table.area.col,
    colCount: table.area.colCount,
    dataRowCount: Math.max(0, table.area.rowCount - 1),
    headers,
    match: matchHeaders(headers, schema),
  };
}

function qualifies(match: HeaderMatch, schema: TableSchema, minimum: number): boolean {
  return schema.anchor !== null && match.indexOf.has(schema.anchor) && match.recognised >= minimum;
}

interface HeaderRowCandidate {
  readonly row: number;
  readonly match: HeaderMatch;
}

/** The row among the first ones of a sheet whose cells name most columns of the schema. */
export function detectHeaderRow(sheet: SheetSnapshot, schema: TableSchema): HeaderRowCandidate | null {
  let best: HeaderRowCandidate | null = null;
  const lastRow = Math.min(lastUsedRow(sheet), sheet.area.row + HEADER_SEARCH_ROWS - 1);
  for (let row = sheet.area.row; row <= lastRow; row++) {
    const headers: string[] = [];
    for (let col = sheet.area.col; col <= lastUsedCol(sheet); col++) headers.push(headerText(cellValue(sheet, row, col)));
    const match = matchHeaders(headers, schema);
    if (match.recognised > (best?.match.recognised ?? 0)) best = { row, match };
  }
  return best;
}

/** The rectangle of a plain range under its header row: every column and row holding something. */
function fromPlainRange(schema: TableSchema, sheet: SheetSnapshot, headerRow: number): LocatedTable {
  let firstCol = Number.POSITIVE_INFINITY;
  let lastCol = Number.NEGATIVE_INFINITY;
  let lastRow = headerRow;
  for (let row = headerRow; row <= lastUsedRow(sheet); row++) {
    for (let col = sheet.area.col; col <= lastUsedCol(sheet); col++) {
      if (isBlank(cellValue(sheet, row, col)) && !cellFormula(sheet, row, col)) continue;
      if (col < firstCol) firstCol = col;
      if (col > lastCol) lastCol = col;
      lastRow = row;
    }
  }
  if (!Number.isFinite(firstCol)) {
    firstCol = sheet.area.col;
    lastCol = sheet.area.col;
  }
  const headers: string[] = [];
  for (let col = firstCol; col <= lastCol; col++) headers.push(headerText(cellValue(sheet, headerRow, col)));
  return {
    schema,
    sheet,
    table: null,
    headerRow,
    firstCol,
    colCount: lastCol - firstCol + 1,
    dataRowCount: lastRow - headerRow,
    headers,
    match: matchHeaders(headers, schema),
  };
}

const located = new WeakMap<WorkbookSnapshot, LocatedTables>();

/**
 * Finds every SPEC table: by table name first; then, for the record tables, a table of another name
 * or a plain range (under title rows, on any sheet) whose header row is recognised. Memoised per snapshot.
 */
export function locateTables(snapshot: WorkbookSnapshot): LocatedTables {
  const cached = located.get(snapshot);
  if (cached) return cached;
  const result: Record<TableEntity, LocatedTable | null> = {
    operations: null,
    alliances: null,
    nonconformities: null,
    extraHolidays: null,
    cities: null,
    weights: null,
    ratingBands: null,
    settings: null,
  };
  const claimedTables = new Set<TableSnapshot>();
  for (const schema of ALL_SCHEMAS) {
    const found = findTable(snapshot, schema.table);
    if (!found) continue;
    result[schema.entity] = fromTable(schema, found.sheet, found.table);
    claimedTables.add(found.table);
  }
  const claimedSheets = new Set<SheetSnapshot>();
  for (const schema of RECORD_SCHEMAS) if (result[schema.entity]) claimedSheets.add(result[schema.entity]!.sheet);

  // Each unclaimed table or plain sheet goes to the record schema it resembles most.
  const candidates: { schema: TableSchema; located: LocatedTable; named: boolean }[] = [];
  for (const sheet of snapshot.sheets) {
    if (isBackupSheet(sheet) || claimedSheets.has(sheet)) continue;
    if (sheet.tables.length > 0) {
      for (const table of sheet.tables) {
        if (claimedTables.has(table)) continue;
        const best = bestSchema(RECORD_SCHEMAS.map((schema) => fromTable(schema, sheet, table)), MIN_RECOGNISED);
        if (best) candidates.push({ schema: best.schema, located: best, named: false });
      }
      continue;
    }
    const rows = RECORD_SCHEMAS.map((schema) => ({ schema, found: detectHeaderRow(sheet, schema) }));
    let winner: { schema: TableSchema; row: number; score: number; named: boolean } | null = null;
    for (const { schema, found } of rows) {
      if (!found) continue;
      const named = sheet.name.toLowerCase() === schema.sheet.toLowerCase();
      if (!qualifies(found.match, schema, named ? MIN_RECOGNISED_ON_NAMED_SHEET : MIN_RECOGNISED)) continue;
      if (!winner || found.match.recognised > winner.score) {
        winner = { schema, row: found.row, score: found.match.recognised, named };
      }
    }
    if (winner) {
      candidates.push({ schema: winner.schema, located: fromPlainRange(winner.schema, sheet, winner.row), named: winner.named });
    }
  }
  for (const schema of RECORD_SCHEMAS) {
    if (result[schema.entity]) continue;
    const mine = candidates.filter((candidate) => candidate.schema === schema);
    mine.sort((a, b) => Number(b.named) - Number(a.named) || b.located.match.recognised - a.located.match.recognised);
    result[schema.entity] = mine[0]?.located ?? null;
  }
  located.set(snapshot, result);
  return result;
}

function bestSchema(options: LocatedTable[], minimum: number): LocatedTable | null {
  let best: LocatedTable | null = null;
  for (const option of options) {
    if (!qualifies(option.match, option.schema, minimum)) continue;
    if (!best || option.match.recognised > best.match.recognised) best = option;
  }
  return best;
}
