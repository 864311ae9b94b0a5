import { callsAddinFunction } from "../../src/domain/workbook";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";

/**
 * A small model of Excel's automatic recalculation, enough to count how many cells that call an ADUANA
 * function (one call into the custom-functions runtime each) one edit makes Excel recalculate.
 *
 * What it models, from Microsoft's documentation:
 * - "Recalculate … all cells that Excel has marked as dirty, that is, dependents of volatile or changed data"
 *   (Excel.CalculationType.recalculate, https://learn.microsoft.com/javascript/api/excel/excel.calculationtype).
 * - A volatile function "must be recalculated whenever calculation occurs in any cells on the worksheet. A
 *   nonvolatile function is recalculated only when the input variables change"
 *   (https://learn.microsoft.com/office/vba/api/excel.application.volatile).
 * So at every recalculation: the edited cell's dependents and every volatile cell and its dependents, transitively.
 *
 * References it follows: defined names (ADUANA_HOY), `[@[Col]]` (same row of the formula's table),
 * `tblX[Col]` (the column's data body), and A1 references with or without a sheet. It does not evaluate:
 * each recalculated cell that calls an ADUANA function counts as one call (an IF guard that skips the call
 * is not modelled, so the count is an upper bound for such rows).
 */
export class RecalcModel {
  /** "sheet|row|col" → formula cells that refer to it directly. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly formulas = new Map<string, string>();
  private readonly volatile: string[] = [];

  constructor(snapshot: WorkbookSnapshot) {
    const names = new Map(Object.entries(snapshot.names).map(([name, reference]) => [name.toUpperCase(), reference]));
    for (const sheet of snapshot.sheets) {
      sheet.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (!formula) return;
          const at = cellKey(sheet.name, sheet.area.row + r, sheet.area.col + c);
          this.formulas.set(at, formula);
          if (VOLATILE.test(withoutStrings(formula))) this.volatile.push(at);
          for (const precedent of precedents(snapshot, sheet, sheet.area.row + r, sheet.area.col + c, formula, names)) {
            let set = this.dependents.get(precedent);
            if (!set) this.dependents.set(precedent, (set = new Set()));
            set.add(at);
          }
        }),
      );
    }
  }

  /** The formula cells one edit of (sheet, row, col) recalculates. */
  recalculatedBy(sheet: string, row: number, col: number): Set<string> {
    const dirty = new Set<string>();
    const queue = [cellKey(sheet, row, col), ...this.volatile];
    for (const volatileCell of this.volatile) dirty.add(volatileCell);
    while (queue.length > 0) {
      const at = queue.pop() as string;
      for (const dependent of this.dependents.get(at) ?? []) {
        if (dirty.has(dependent)) continue;
        dirty.add(dependent);
        queue.push(dependent);
      }
    }
    return dirty;
  }

  /** Calls into the custom-functions runtime one edit causes: recalculated cells that call an ADUANA function. */
  addinCallsPerEdit(sheet: string, row: number, col: number): number {
    let calls = 0;
    for (const at of this.recalculatedBy(sheet, row, col)) if (callsAddinFunction(this.formulas.get(at) ?? "")) calls++;
    return calls;
  }
}

/** Excel's volatile worksheet functions (the ones a workbook like these could hold). */
const VOLATILE = /(?:^|[^\p{L}\p{N}_.])(TODAY|NOW|RAND|RANDBETWEEN|OFFSET|INDIRECT)\s*\(/iu;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const THIS_ROW = /\[@\[([^\]]+)\]\]|\[@([^[\]]+)\]/g;
const COLUMN = /([\p{L}_][\p{L}\p{N}_.]*)\[\[?([^[\]]+)\]?\]/gu;
const A1 = /(?:('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?([A-Z]{1,3})\$?(\d+)(?![\p{L}\p{N}_(!])/gu;
const IDENTIFIER = /(?:^|[^\p{L}\p{N}_.[\]])([\p{L}_][\p{L}\p{N}_.]*)(?![\p{L}\p{N}_.(![])/gu;

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet.toLowerCase()}|${row}|${col}`;
}

function withoutStrings(formula: string): string {
  return formula.replace(STRING_LITERAL, '""');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function tableAt(sheet: SheetSnapshot, row: number, col: number) {
  return sheet.tables.find((t) => row > t.area.row && row < t.area.row + t.area.rowCount && col >= t.area.col && col < t.area.col + t.area.colCount);
}

function findTable(snapshot: WorkbookSnapshot, name: string) {
  for (const sheet of snapshot.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table) return { sheet, table };
  }
  return null;
}

function a1Cells(sheetName: string, text: string): string[] {
  const cells: string[] = [];
  for (const match of text.matchAll(A1)) {
    const sheet = match[1] ? match[1].replace(/^'|'$/g, "").replace(/''/g, "'") : sheetName;
    cells.push(cellKey(sheet, Number(match[3]) - 1, columnIndex(match[2] ?? "A")));
  }
  return cells;
}

function precedents(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  formula: string,
  names: ReadonlyMap<string, string>,
): string[] {
  let text = withoutStrings(formula);
  const found: string[] = [];
  const own = tableAt(sheet, row, col);
  text = text.replace(THIS_ROW, (_all, bracketed: string | undefined, plain: string | undefined) => {
    const header = (bracketed ?? plain ?? "").toLowerCase();
    const index = own?.columns.findIndex((c) => c.header.toLowerCase() === header) ?? -1;
    if (own && index >= 0) found.push(cellKey(sheet.name, row, own.area.col + index));
    return "0";
  });
  text = text.replace(COLUMN, (_all, tableName: string, header: string) => {
    const located = findTable(snapshot, tableName);
    const index = located?.table.columns.findIndex((c) => c.header.toLowerCase() === header.toLowerCase()) ?? -1;
    if (located && index >= 0) {
      const { table } = located;
      for (let r = table.area.row + 1; r < table.area.row + table.area.rowCount; r++) found.push(cellKey(located.sheet.name, r, table.area.col + index));
    }
    return "0";
  });
  for (const match of text.matchAll(IDENTIFIER)) {
    const reference = names.get((match[1] ?? "").toUpperCase());
    if (reference) found.push(...a1Cells(sheet.name, reference.replace(/^=/, "")));
  }
  found.push(...a1Cells(sheet.name, text));
  return found;
}
