import { CalendarMessages } from "./messages";

/** A calendar date as Excel shows it (month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Days from 1970-01-01 to 1899-12-30, Excel's serial epoch for dates from 1900-03-01 on.
const EPOCH_OFFSET = 25569;
// Excel's fictitious 1900-02-29 (Lotus 1-2-3 compatibility); serials below it are one day off.
const FICTITIOUS_LEAP_DAY = 60;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0, so the leap day ends the year
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Serial of the first day of a month in Excel's calendar (which has a 29 February 1900). */
function serialOfMonthStart(year: number, month: number): number {
  const serial = daysFromCivil(year, month, 1) + EPOCH_OFFSET;
  return serial <= FICTITIOUS_LEAP_DAY ? serial - 1 : serial;
}

/**
 * Excel serial of a date, like Excel's DATE: months and days outside their range roll over.
 * @example serialFromYmd(2025, 1, 1) // 45658
 * @example serialFromYmd(1900, 2, 29) // 60, Excel's fictitious leap day
 */
export function serialFromYmd(year: number, month: number, day: number): number {
  const normalizedYear = year + Math.floor((month - 1) / 12);
  const normalizedMonth = ((((month - 1) % 12) + 12) % 12) + 1;
  return serialOfMonthStart(normalizedYear, normalizedMonth) + day - 1;
}

/**
 * Date of a serial (its time of day is ignored), as Excel's YEAR/MONTH/DAY see it.
 * @example ymdFromSerial(45658) // { year: 2025, month: 1, day: 1 }
 * @example ymdFromSerial(0) // { year: 1900, month: 1, day: 0 }, Excel's "1900-01-00"
 */
export function ymdFromSerial(serial: number): CalendarDate {
  const date = datePartOfSerial(serial);
  if (!Number.isFinite(date) || date < 0) {
    throw new RangeError(CalendarMessages.notAnExcelDate(serial));
  }
  if (date === 0) return { year: 1900, month: 1, day: 0 };
  if (date === FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(date - EPOCH_OFFSET + (date < FICTITIOUS_LEAP_DAY ? 1 : 0));
}

/**
 * Day of the week of a serial as Excel's WEEKDAY counts it: 0 = Sunday … 6 = Saturday.
 * Serial 1 (1900-01-01) is a Sunday for Excel, so serials before 61 follow Excel, not history.
 */
export function weekdayOfSerial(serial: number): number {
  return (((datePartOfSerial(serial) - 1) % 7) + 7) % 7;
}

/** The date of a date-time serial: the fraction is the time of day. */
export function datePartOfSerial(serial: number): number {
  return Math.floor(serial);
}

/** "dd/mm/aaaa", the way a Colombian reader writes a date. */
export function formatSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/**
 * "AAAA-MM-DD" (an HTML date input, a command-line option) → serial; null when the text is not such a date
 * or names a day that does not exist (2026-02-31) or lies outside the supported range.
 */
export function serialFromIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const serial = serialFromYmd(year, month, day);
  const back = ymdFromSerial(serial);
  return back.year === year && back.month === month && back.day === day ? serial : null;
}
