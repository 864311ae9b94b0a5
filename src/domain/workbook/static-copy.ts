import { ymdFromSerial } from "../calendar";
import { a1Address, qualifiedAddress } from "./a1";
import { operationFormulaResults } from "./formula-results";
import type { CellWrite, Plan } from "./plan";
import { readWorkbookModel } from "./read-model";
import type { FormulaColumnId } from "./schema-types";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { locateTables } from "./table-location";
import type { LocatedTable } from "./table-location";
import { WorkbookMessages } from "./messages";

const STRING_LITERAL = /"(?:[^"]|"")*"/g;
/**
 * A call of an add-in function in any spelling a file may hold: `ADUANA.X(` (as Excel shows it and as other tools
 * write it), `_xldudf_ADUANA_X(` (as Excel stores it), `ADUANA_X(`. The name ADUANA_HOY alone is not a call: it is
 * a defined name over a plain date (status-date.ts) and works without the add-in.
 */
const ADDIN_CALL = /(?:^|[^\p{L}\p{N}_.\\])(?:_xldudf_)?ADUANA[._][\p{L}\p{N}_.]*\s*\(/iu;
/** Error results a workbook opened without the add-in caches for its functions (English and Spanish Excel). */
const UNAVAILABLE_RESULT = /^#(NAME\?|¿NOMBRE\?|NOMBRE\?)$/i;

/** True when a cell's value is the error Excel shows for a function it does not know (#NAME?, #¿NOMBRE?). */
export function isUnavailableResult(value: CellValue): boolean {
  return typeof value === "string" && UNAVAILABLE_RESULT.test(value.trim());
}

/** True when the formula calls an ADUANA function (outside text literals), which only works with the add-in. */
export function callsAddinFunction(formula: string): boolean {
  return ADDIN_CALL.test(formula.replace(STRING_LITERAL, '""'));
}

export interface StaticCopyOptions {
  /** Today's serial: the date the copy states, and "today" for open DOs' Estado ANS when a value must be computed. */
  readonly today: number;
}

export interface StaticCopy {
  plan: Plan;
  /** ADUANA formulas replaced by their value. */
  replaced: number;
  /** Of those, cells whose value the domain computed because the file had no usable cached result. */
  computed: number;
  /** "Hoja!A1" of ADUANA formulas with no cached result that the domain cannot compute: left empty. */
  uncomputable: string[];
  /** Where each sheet's note went ("Hoja!A1"). */
  noteCells: string[];
}

function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The note each sheet of the copy carries. */
export function staticCopyNote(today: number): string {
  return WorkbookMessages.staticCopyNote(isoDate(today));
}

/**
 * Where the note goes: in the first used row, two columns right of everything the sheet holds (one column left
 * blank), so it is in no table, touches none (Excel would not extend a table over it) and moves no cell.
 */
function noteCell(sheet: SheetSnapshot): { row: number; col: number } {
  if (sheet.area.rowCount === 0 || sheet.area.colCount === 0) return { row: 0, col: 0 };
  let right = sheet.area.col + sheet.area.colCount;
  for (const table of sheet.tables) right = Math.max(right, table.area.col + table.area.colCount);
  return { row: sheet.area.row, col: right + 1 };
}

/** The domain's value of a cell; "unknown" when it is an error only Excel can name; null when not a column it knows. */
type ComputedValue = (row: number, col: number) => { value: CellValue } | "unknown" | null;

/** The domain's value of an operations calculated column (Meta ANS, Tiempo servicio, Estado ANS) on a row. */
function operationsComputer(located: LocatedTable, snapshot: WorkbookSnapshot, today: number): ComputedValue {
  const model = readWorkbookModel(snapshot);
  const resultsOf = operationFormulaResults(located, model, today);
  const formulaColumns = new Map<number, FormulaColumnId>();
  for (const spec of located.schema.columns) {
    const at = located.match.indexOf.get(spec.key);
    if (spec.formula && at !== undefined) formulaColumns.set(located.firstCol + at, spec.formula);
  }
  const lastRow = located.headerRow + located.dataRowCount;
  return (row, col) => {
    const id = formulaColumns.get(col);
    if (id === undefined || row <= located.headerRow || row > lastRow) return null;
    const value = resultsOf(row)[id];
    // null = an error only Excel can name: not a value the copy can state.
    return value === null ? "unknown" : { value };
  };
}

/**
 * `exportar`: the plan that turns a workbook into a copy for people without the add-in. Every formula that calls an
 * ADUANA function becomes its cached value — or, when the file has none (or a #NAME? from an Excel without the
 * add-in), the value the domain computes for the operations' calculated columns. Native formulas, tables, lists
 * and formats stay as they are; each sheet gets a note saying it is a static copy of `today`.
 */
export function planStaticCopy(snapshot: WorkbookSnapshot, options: StaticCopyOptions): StaticCopy {
  const { today } = options;
  const operations = locateTables(snapshot).operations;
  let computeOperation: ComputedValue | null = null;
  const plan: Plan = { steps: [], notes: [] };
  const result: StaticCopy = { plan, replaced: 0, computed: 0, uncomputable: [], noteCells: [] };
  const note = staticCopyNote(today);
  for (const sheet of snapshot.sheets) {
    const cells: CellWrite[] = [];
    sheet.formulas.forEach((formulaRow, r) => {
      formulaRow.forEach((formula, c) => {
        if (formula === null || !callsAddinFunction(formula)) return;
        const row = sheet.area.row + r;
        const col = sheet.area.col + c;
        const cached = sheet.values[r]?.[c] ?? null;
        let value: CellValue = cached;
        const usable = !(typeof cached === "string" && UNAVAILABLE_RESULT.test(cached.trim()));
        if (cached === null || !usable) {
          const onOperations = operations !== null && operations.sheet.name === sheet.name;
          if (onOperations) computeOperation ??= operationsComputer(operations, snapshot, today);
          const computed = onOperations ? (computeOperation?.(row, col) ?? null) : null;
          if (computed !== null && computed !== "unknown") {
            value = computed.value;
            // An empty cache is what a formula showing "" leaves: recomputing it as "" is no news.
            if (!(cached === null && value === "")) result.computed++;
          } else {
            value = null;
            if (!usable || computed === "unknown") result.uncomputable.push(qualifiedAddress(sheet.name, a1Address(row, col)));
          }
        }
        // A formula that showed "" becomes an empty cell, as the user saw it. A cached error (#VALUE!…) is written as
        // its text, which both adapters keep as text: the copy shows what the source showed.
        cells.push({ row, col, value: value === "" ? null : value, expected: formula });
        result.replaced++;
      });
    });
    const at = noteCell(sheet);
    cells.push({ ...at, value: note, expected: null });
    result.noteCells.push(qualifiedAddress(sheet.name, a1Address(at.row, at.col)));
    plan.steps.push({ kind: "writeCells", sheet: sheet.name, cells });
  }
  plan.notes.push(
    result.replaced === 0
      ? WorkbookMessages.staticCopyWithoutAduana
      : WorkbookMessages.staticCopyReplaced(result.replaced.toLocaleString("es-CO"), result.computed > 0 ? result.computed.toLocaleString("es-CO") : null),
  );
  if (result.uncomputable.length > 0) {
    const shown = result.uncomputable.slice(0, 10).join(", ");
    plan.notes.push(WorkbookMessages.staticCopyUncomputable(shown, Math.max(0, result.uncomputable.length - 10)));
  }
  return result;
}
