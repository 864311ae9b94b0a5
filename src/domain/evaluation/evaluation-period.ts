import { isSupportedYear, ymdFromSerial } from "../calendar";
import { OPERATION_HEADERS } from "../workbook/headers";
import type { WorkbookModel } from "../workbook/model";
import { EvaluationMessages } from "./messages";

/**
 * An evaluation that cannot be generated (no alliances, a year without DOs, a year not yet begun): the message is
 * Spanish, for the user as is, and nothing is written.
 */
export class EvaluationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvaluationRefusedError";
  }
}

function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True when a date cell's serial falls in `year`: the DOs and non-conformities an evaluation of `year` counts. */
export function inYear(serial: number | null, year: number): boolean {
  return serial !== null && Number.isFinite(serial) && serial >= 1 && ymdFromSerial(serial).year === year;
}

export function unsupportedYearMessage(year: number): string {
  return EvaluationMessages.unsupportedYear(year);
}

/**
 * Why `year` cannot be evaluated in this workbook on `today` (a serial), or null when it can. The unfinished current
 * year can be evaluated: its result is partial (see {@link partialThrough}).
 * @example evaluationRefusal(model, 1990, today) // "No hay DOs abiertos en 1990 …"
 */
export function evaluationRefusal(model: WorkbookModel, year: number, today: number): string | null {
  if (!isSupportedYear(year)) {
    return unsupportedYearMessage(year);
  }
  if (model.alliances.length === 0) {
    return EvaluationMessages.noAlliances;
  }
  const currentYear = ymdFromSerial(today).year;
  if (year > currentYear) {
    return EvaluationMessages.yearNotBegun(year, isoDate(today), currentYear - 1);
  }
  if (!model.operations.some((op) => inYear(op.opened, year))) {
    return EvaluationMessages.noOperationsInYear(year, OPERATION_HEADERS.opened);
  }
  return null;
}

/** Throws {@link EvaluationRefusedError} with {@link evaluationRefusal}'s message when the year cannot be evaluated. */
export function assertEvaluable(model: WorkbookModel, year: number, today: number): void {
  const refusal = evaluationRefusal(model, year, today);
  if (refusal !== null) throw new EvaluationRefusedError(refusal);
}

/**
 * The date (today's serial, whole day) up to which an evaluation of the unfinished current year counts; null when
 * `year` has ended by `today` or no `today` is known.
 */
export function partialThrough(year: number, today: number | undefined): number | null {
  if (today === undefined || !Number.isFinite(today)) return null;
  return ymdFromSerial(today).year === year ? Math.floor(today) : null;
}

/**
 * What the sheet title and the reports append to a partial evaluation: "(parcial, al 2026-06-27)"; null when the
 * year is complete.
 */
export function partialLabel(through: number | null): string | null {
  return through === null ? null : `(parcial, al ${isoDate(through)})`;
}

/** The warning shown (CLI stderr, pane notes) when the evaluated year has not ended. */
export function partialWarning(year: number, through: number | null): string | null {
  if (through === null) return null;
  return EvaluationMessages.partial(year, isoDate(through));
}
