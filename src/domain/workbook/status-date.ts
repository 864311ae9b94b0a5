import { serialFromYmd, ymdFromSerial } from "../calendar";
import type { CellWrite } from "./plan";
import type { CellValue } from "./snapshot";
import { WorkbookMessages } from "./messages";

/**
 * The status date: the cell named ADUANA_HOY (row "Hoy" of tblParametros), the "today" of every Estado ANS.
 *
 * It holds a plain date, not =TODAY(): Excel recalculates the direct dependents of a volatile cell at every
 * recalculation ("Recalculates all cells that Excel has marked as dirty, that is, dependents of volatile or
 * changed data", https://learn.microsoft.com/javascript/api/excel/excel.calculationtype), so with =TODAY() every
 * keystroke re-ran ADUANA.ESTADO_ANS on every row. With a plain date the statuses only recalculate when the date
 * changes, once a day.
 *
 * Who owns the cell:
 * - `=DATE(yyyy,mm,dd)` is the add-in's own date: Preparar and the add-in's daily refresh move it forward to today.
 * - A number typed by hand (or any other formula) is the user's: never overwritten; Validar warns when it is
 *   older than today. Clearing the cell hands it back to the add-in.
 * - `=TODAY()` (workbooks prepared before) keeps working; Preparar converts it to the add-in's date.
 */
export const STATUS_DATE_FORMAT = '"Estado al "dd/mm/yyyy';

export type StatusDateOwner = "addin" | "volatile" | "typed" | "empty" | "other";

export interface StatusDateCell {
  /** The cell's formula (English, with "="), null when it holds a constant or nothing. */
  formula: string | null;
  value: CellValue;
}

export interface StatusDateState {
  owner: StatusDateOwner;
  /** The date the statuses use (whole-day serial), null when the cell has no date. */
  date: number | null;
}

const ADDIN_DATE = /^=\s*DATE\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\s*$/i;
const VOLATILE_TODAY = /^=\s*(TODAY|NOW)\(\s*\)\s*$/i;

/** The formula the add-in writes for a date: `=DATE(2026,12,3)`. */
export function statusDateFormula(serial: number): string {
  const { year, month, day } = ymdFromSerial(Math.floor(serial));
  return `=DATE(${year},${month},${day})`;
}

/** Who wrote the status-date cell and which date it holds. */
export function readStatusDate(cell: StatusDateCell): StatusDateState {
  const value = typeof cell.value === "number" && Number.isFinite(cell.value) ? Math.floor(cell.value) : null;
  const formula = cell.formula?.trim() ?? "";
  if (formula !== "") {
    const own = ADDIN_DATE.exec(formula);
    if (own) return { owner: "addin", date: serialFromYmd(Number(own[1]), Number(own[2]), Number(own[3])) };
    return { owner: VOLATILE_TODAY.test(formula) ? "volatile" : "other", date: value };
  }
  if (cell.value === null || cell.value === "") return { owner: "empty", date: null };
  return { owner: value === null ? "other" : "typed", date: value };
}

export type StatusDateMode =
  /** Preparar: also converts =TODAY() to the add-in's date. */
  | "prepare"
  /** The add-in's daily refresh: only the add-in's own older date, or an empty cell. */
  | "refresh";

/**
 * The write that brings the status date to `today`, or null when the cell must be left as it is
 * (already today or later, typed by hand, another formula; =TODAY() outside Preparar).
 */
export function planStatusDate(cell: StatusDateCell & { row: number; col: number }, today: number, mode: StatusDateMode): CellWrite | null {
  const day = Math.floor(today);
  const state = readStatusDate(cell);
  const write: CellWrite = { row: cell.row, col: cell.col, formula: statusDateFormula(day), result: day, expected: cell.formula ?? cell.value };
  switch (state.owner) {
    case "empty":
      return { ...write, expected: null };
    case "addin":
      return state.date !== null && state.date < day ? write : null;
    case "volatile":
      return mode === "prepare" ? write : null;
    default:
      return null;
  }
}

/** Spanish advice when the status date is older than `today`, null when it is current (or not a date). */
export function staleStatusDateMessage(state: StatusDateState, today: number, where: string, show: (serial: number) => string): string | null {
  const day = Math.floor(today);
  if (state.date === null || state.date >= day || state.owner === "volatile") return null;
  return WorkbookMessages.staleStatusDate(where, show(state.date), show(day), state.owner === "addin");
}
