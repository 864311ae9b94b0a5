import { ansStatus, getBusinessCalendar, isSupportedSerial, readDateArgumentValue } from "../calendar";
import type { AnsStatus } from "../calendar";
import { excelTextKey } from "./cell-reading";
import type { AllianceRecord, OperationRecord } from "./model";
import type { CellValue } from "./snapshot";

/**
 * The service level of an operation — target (Meta ANS), start, service days (Tiempo servicio) and ANS
 * status (Estado ANS) — in one place. The sheet's calculated columns (OPERATION_FORMULAS) compute it with
 * INDEX/MATCH, MAX, N and the ADUANA functions; this module answers the same for the cached values of a file,
 * the sample, validation, evaluation, indicators and follow-up.
 */

/** What a calculated column shows: a value, "" when blank, or null for an error (#VALUE!) only Excel renders. */
export type ServiceLevelResult = CellValue;

export interface ServiceLevel {
  target: ServiceLevelResult;
  serviceTime: ServiceLevelResult;
  ansStatus: ServiceLevelResult;
}

/** The cells of an operation row the calculated columns read, as the sheet holds them. */
export interface ServiceLevelCells {
  type: CellValue;
  arrival: CellValue;
  documentsComplete: CellValue;
  release: CellValue;
  clientDelayDays: CellValue;
}

/** What the service level needs of an alliance. */
export type ServiceLevelAlliance = Pick<AllianceRecord, "importTarget" | "exportTarget" | "saturdayIsBusiness">;

const IMPORT = excelTextKey("Importación");
const EXPORT = excelTextKey("Exportación");

/**
 * Meta ANS for a Tipo and its alliance, as `IF([@Tipo]="Importación",INDEX(…[Meta importación],MATCH(…)),…)`:
 * "=" ignores case only; INDEX of a blank Meta gives 0. Null when the alliance is unknown or Tipo is neither.
 */
export function targetDays(type: string, alliance: ServiceLevelAlliance | undefined): number | null {
  if (!alliance) return null;
  const key = excelTextKey(type);
  if (key === IMPORT) return alliance.importTarget ?? 0;
  if (key === EXPORT) return alliance.exportTarget ?? 0;
  return null;
}

/** Meta ANS of an operation record (blank Meta counts as 0, as in the sheet). */
export function targetFor(op: OperationRecord, alliance: AllianceRecord | undefined): number | null {
  return targetDays(op.type, alliance);
}

/** Start of the ANS interval: the later of cargo arrival and complete documents (whichever are filled). */
export function serviceStart(op: OperationRecord): number | null {
  if (op.arrival === null) return op.documentsComplete;
  if (op.documentsComplete === null) return op.arrival;
  return Math.max(op.arrival, op.documentsComplete);
}

/**
 * Business days charged to the alliance: TIEMPO_SERVICIO from start to levante on the alliance's calendar, minus
 * the client's days, never below 0. Null while the operation is not measurable (no start, no levante, levante
 * before start, or a date outside the calendar — validation reports those).
 */
export function measuredServiceDays(
  op: OperationRecord,
  alliance: AllianceRecord | undefined,
  extraHolidays: readonly number[],
): number | null {
  const start = serviceStart(op);
  if (start === null || op.release === null || op.release < start) return null;
  if (!isSupportedSerial(start) || !isSupportedSerial(op.release)) return null;
  const calendar = getBusinessCalendar(alliance?.saturdayIsBusiness ?? false, extraHolidays);
  return Math.max(0, calendar.serviceDays(start, op.release) - op.clientDelayDays);
}

// ---- The calculated columns, cell by cell, as Excel evaluates OPERATION_FORMULAS ----

const ERROR = Symbol("#VALUE!");
type Argument = number | null | typeof ERROR;

/** `[@Col]=""`: true for a blank cell and for "" only (a space is not ""). */
const equalsEmptyText = (value: CellValue): boolean => value === null || value === "";

/** MAX(a,b) over cell references: numbers only (text and logical values are ignored), 0 when none. */
function maxOfReferences(...values: CellValue[]): number {
  const numbers = values.filter((value): value is number => typeof value === "number");
  return numbers.length === 0 ? 0 : Math.max(...numbers);
}

/** N(value): a number stays, TRUE is 1, anything else 0. */
function excelN(value: CellValue): number {
  if (typeof value === "number") return value;
  return value === true ? 1 : 0;
}

/** A date argument as the ADUANA functions read it (readDateArgumentValue): empty, a serial, or #VALUE!. */
function dateArgument(value: CellValue): Argument {
  const reading = readDateArgumentValue(value);
  if (reading.kind === "empty") return null;
  return reading.kind === "date" ? reading.serial : ERROR;
}

/**
 * The festivos_extra argument: the days, or null when tblFestivosExtra[Fecha] holds a value that is not a date —
 * the ADUANA functions then give #VALUE! whatever the row (readExtraHolidayCells).
 */
export type ExtraHolidaysArgument = readonly number[] | null;

/** `MAX(0,ADUANA.TIEMPO_SERVICIO(start,[@Levante],"d",sat,festivos)-N([@[Días cliente]]))`. */
function serviceTimeCell(start: number, release: CellValue, clientDays: number, saturday: boolean, extraHolidays: ExtraHolidaysArgument): ServiceLevelResult {
  const from = dateArgument(start);
  const to = dateArgument(release);
  if (from === ERROR || to === ERROR || extraHolidays === null) return null;
  // TIEMPO_SERVICIO returns "" and "" minus a number is #VALUE!.
  if (from === null || to === null) return null;
  if (to < from) return null;
  return Math.max(0, getBusinessCalendar(saturday, extraHolidays).serviceDays(from, to) - clientDays);
}

/** `ADUANA.ESTADO_ANS(start,[@Levante],[@[Meta ANS]]+N(…),ADUANA_HOY,sat,festivos)`. */
function statusCell(start: number, release: CellValue, target: number, today: number, saturday: boolean, extraHolidays: ExtraHolidaysArgument): ServiceLevelResult {
  const from = dateArgument(start);
  const to = dateArgument(release);
  const reference = dateArgument(today);
  if (from === ERROR || to === ERROR || reference === ERROR || target < 0 || extraHolidays === null) return null;
  if (from === null) return "";
  if (to !== null && to < from) return null;
  const status: AnsStatus = ansStatus({
    start: from,
    end: to,
    target,
    today: reference ?? today,
    calendar: getBusinessCalendar(saturday, extraHolidays),
  });
  return status;
}

/**
 * What Meta ANS, Tiempo servicio and Estado ANS show on a row whose Aliado found `alliance` (by MATCH), with the
 * workbook's extra holidays (null when tblFestivosExtra[Fecha] is unusable) and ADUANA_HOY = `today`.
 */
export function serviceLevelOfCells(
  cells: ServiceLevelCells,
  alliance: ServiceLevelAlliance | undefined,
  extraHolidays: ExtraHolidaysArgument,
  today: number,
): ServiceLevel {
  const targetValue = targetDays(typeof cells.type === "string" ? cells.type : "", alliance);
  const target: ServiceLevelResult = targetValue ?? "";
  const noStart = equalsEmptyText(cells.arrival) && equalsEmptyText(cells.documentsComplete);
  const start = maxOfReferences(cells.arrival, cells.documentsComplete);
  const clientDays = excelN(cells.clientDelayDays);
  const saturday = alliance?.saturdayIsBusiness ?? false;

  const serviceTime: ServiceLevelResult = equalsEmptyText(cells.release) || noStart
    ? ""
    : serviceTimeCell(start, cells.release, clientDays, saturday, extraHolidays);
  const ansStatus: ServiceLevelResult = targetValue === null || noStart
    ? ""
    : statusCell(start, cells.release, targetValue + clientDays, today, saturday, extraHolidays);
  return { target, serviceTime, ansStatus };
}
