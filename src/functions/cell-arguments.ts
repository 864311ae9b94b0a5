import { FunctionMessages } from "./messages";
import {
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  formatSerial,
  readDateArgumentValue,
  readExtraHolidayCells,
} from "../domain/calendar";
import { InvalidArgument } from "./excel-error";

/** Argument values as Excel hands them over: numbers, text, booleans, null for an empty cell. */
export type CellArgument = unknown;

/** Empty: omitted, an empty cell, or "" from a formula. */
export function isEmptyCell(value: CellArgument): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * How a rejected value is named. functions.json does not set allowCustomDataForDataTypeAny: it needs
 * CustomFunctionsRuntime 1.4, which perpetual Office lacks, so Excel normally hands over a data type's basic
 * value. Should a data-type object (Entity, FormattedNumber…) still arrive, it is refused with a clear message.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
 */
function shown(value: CellArgument): string {
  if (typeof value === "string") return FunctionMessages.shownText(value);
  if (typeof value === "object" && value !== null) {
    const kind = (value as { type?: unknown }).type;
    return FunctionMessages.shownDataType(typeof kind === "string" ? kind : null);
  }
  return FunctionMessages.shownValue(String(value));
}

/**
 * A date argument as a serial, or null when empty. Excel desktop passes an empty cell as 0, and
 * serial 0 ("1900-01-00") is no real date, so 0 counts as empty too.
 */
export function readDateArgument(value: CellArgument, name: string): number | null {
  const reading = readDateArgumentValue(value);
  switch (reading.kind) {
    case "empty":
      return null;
    case "not-a-number":
      throw new InvalidArgument(FunctionMessages.notADate(name, shown(value)));
    case "not-a-date":
      throw new InvalidArgument(FunctionMessages.invalidDate(name, reading.value));
    case "outside-calendar":
      throw new InvalidArgument(FunctionMessages.dateOutOfCalendar(name, formatSerial(reading.serial), FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR));
    case "date":
      return reading.serial;
  }
}

/** A date argument that must be present. */
export function requireDate(value: CellArgument, name: string): number {
  const date = readDateArgument(value, name);
  if (date === null) throw new InvalidArgument(FunctionMessages.missingDate(name));
  return date;
}

/** A numeric argument, or null when empty. */
export function readNumberArgument(value: CellArgument, name: string): number | null {
  if (isEmptyCell(value)) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidArgument(FunctionMessages.notANumber(name, shown(value)));
  }
  return value;
}

/** A numeric argument that must be present. */
export function requireNumber(value: CellArgument, name: string): number {
  const number = readNumberArgument(value, name);
  if (number === null) throw new InvalidArgument(FunctionMessages.missingNumber(name));
  return number;
}

const TRUE_WORDS = new Set(["sí", "si", "verdadero", "true", "x"]);
const FALSE_WORDS = new Set(["no", "falso", "false"]);

/** A yes/no argument: VERDADERO/FALSO, 1/0, or the workbook's "Sí"/"No"; empty gives the default. */
export function readFlag(value: CellArgument, name: string, fallback = false): boolean {
  if (isEmptyCell(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw new InvalidArgument(FunctionMessages.notAFlag(name, shown(value)));
}

/** The dates of an optional range of extra holidays; empty cells (null, "" or 0) are skipped. */
export function readExtraHolidays(value: CellArgument, name: string): number[] {
  if (isEmptyCell(value)) return [];
  const reading = readExtraHolidayCells(Array.isArray(value) ? value.flat(2) : [value]);
  if (!reading.usable) throw new InvalidArgument(FunctionMessages.notOnlyDates(name, shown(reading.offending)));
  return reading.dates;
}

/** TIEMPO_SERVICIO's unit: "d" (business days, the default) or "h" (business hours). */
export function readServiceTimeUnit(value: CellArgument, name: string): "d" | "h" {
  if (isEmptyCell(value)) return "d";
  const unit = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (unit === "d" || unit === "h") return unit;
  throw new InvalidArgument(FunctionMessages.notAUnit(name, shown(value)));
}

/** A NIT without check digit, typed as a number or as text with optional dots; null when empty. */
export function readNitText(value: CellArgument): string | null {
  if (isEmptyCell(value)) return null;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value === "string") return value;
  return `${String(value)}?`; // anything else is malformed; let the NIT rules say so
}
