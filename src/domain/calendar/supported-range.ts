import { CalendarMessages } from "./messages";
import { formatSerial, serialFromYmd } from "./serial-date";

/** Ley 51 de 1983 (Ley Emiliani) governs holidays from 1984; earlier years follow other rules. */
export const FIRST_CALENDAR_YEAR = 1984;
/** Far enough for any contract; bounds the precomputed holiday list. */
export const LAST_CALENDAR_YEAR = 2200;

export const FIRST_CALENDAR_SERIAL = serialFromYmd(FIRST_CALENDAR_YEAR, 1, 1);
export const LAST_CALENDAR_SERIAL = serialFromYmd(LAST_CALENDAR_YEAR, 12, 31);

/** A date or year the Colombian calendar cannot answer for; its message is for the user. */
export class CalendarRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "CalendarRangeError";
  }
}

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR;
}

/** True when the date of the serial lies in 1984–2200. */
export function isSupportedSerial(serial: number): boolean {
  const date = Math.floor(serial);
  return date >= FIRST_CALENDAR_SERIAL && date <= LAST_CALENDAR_SERIAL;
}

export function assertSupportedYear(year: number): void {
  if (!isSupportedYear(year)) {
    throw new CalendarRangeError(CalendarMessages.yearOutOfCalendar(year, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR));
  }
}

export function assertSupportedSerial(serial: number): void {
  if (!Number.isFinite(serial)) {
    throw new CalendarRangeError(CalendarMessages.notADate(serial));
  }
  if (!isSupportedSerial(serial)) {
    const shown = serial >= 0 ? formatSerial(serial) : String(serial);
    throw new CalendarRangeError(CalendarMessages.dateOutOfCalendar(shown, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR));
  }
}
