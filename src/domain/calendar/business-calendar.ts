import { ClosedDays } from "./closed-days";
import { colombianHolidays } from "./colombian-holidays";
import { CalendarMessages } from "./messages";
import {
  FIRST_CALENDAR_SERIAL,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_SERIAL,
  LAST_CALENDAR_YEAR,
  CalendarRangeError,
  assertSupportedSerial,
} from "./supported-range";
import { WorkingWeek } from "./working-week";

export interface BusinessCalendarOptions {
  /** Saturday is a business day (the alliance's "Sábado hábil"). */
  readonly saturdayIsBusiness: boolean;
  /** Extra non-working dates (tblFestivosExtra), as serials; fractions are ignored. */
  readonly extraHolidays: readonly number[];
}

/** Default working day, 08:00–17:00 (SPEC §1.4). */
export const DEFAULT_WORK_START_HOUR = 8;
export const DEFAULT_WORK_END_HOUR = 17;

const nationalClosedDaysByWeek = new Map<boolean, ClosedDays>();

/** Holidays of 1984–2200 on working weekdays, computed once per weekend rule. */
function nationalClosedDays(week: WorkingWeek, saturdayIsBusiness: boolean): ClosedDays {
  const cached = nationalClosedDaysByWeek.get(saturdayIsBusiness);
  if (cached) return cached;
  const dates: number[] = [];
  for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
    for (const holiday of colombianHolidays(year)) {
      if (week.isWorkingDate(holiday.serial)) dates.push(holiday.serial);
    }
  }
  const closedDays = ClosedDays.of(dates);
  nationalClosedDaysByWeek.set(saturdayIsBusiness, closedDays);
  return closedDays;
}

/**
 * Colombian business days and hours for one weekend rule and one set of extra holidays. Every count
 * is closed form (weekday arithmetic + binary search over the holidays), whatever the interval's
 * length. Dates outside 1984–2200 throw CalendarRangeError.
 */
export class BusinessCalendar {
  readonly saturdayIsBusiness: boolean;
  private readonly week: WorkingWeek;
  // Only holidays on working weekdays: a holiday on a Sunday takes nothing away.
  private readonly closedDays: ClosedDays;

  constructor(options: BusinessCalendarOptions) {
    this.saturdayIsBusiness = options.saturdayIsBusiness;
    this.week = new WorkingWeek(options.saturdayIsBusiness);
    const extra = options.extraHolidays
      .map(Math.floor)
      .filter((date) => date >= FIRST_CALENDAR_SERIAL && date <= LAST_CALENDAR_SERIAL && this.week.isWorkingDate(date));
    this.closedDays = nationalClosedDays(this.week, options.saturdayIsBusiness).union(extra);
  }

  /**
   * True when the date of the serial is worked: a working weekday, not a holiday, not an extra holiday.
   * @example calendar.isBusinessDay(serialFromYmd(2025, 1, 6)) // false, Reyes Magos
   */
  isBusinessDay(serial: number): boolean {
    assertSupportedSerial(serial);
    const date = Math.floor(serial);
    return this.week.isWorkingDate(date) && !this.closedDays.has(date);
  }

  /**
   * Business days from start to end, both counted; negative when end < start (Excel NETWORKDAYS.INTL).
   * @example calendar.networkDays(serialFromYmd(2025, 1, 1), serialFromYmd(2025, 1, 31)) // 21
   */
  networkDays(start: number, end: number): number {
    assertSupportedSerial(start);
    assertSupportedSerial(end);
    const first = Math.floor(start);
    const last = Math.floor(end);
    return first <= last ? this.countBetween(first, last) : -this.countBetween(last, first);
  }

  /**
   * The date `days` business days after (or before, when negative) start; start itself when 0
   * (Excel WORKDAY.INTL). Fractions of days are truncated.
   * @example calendar.workday(serialFromYmd(2025, 1, 3), 1) // serial of 2025-01-07 (6 Jan is a holiday)
   */
  workday(start: number, days: number): number {
    assertSupportedSerial(start);
    if (!Number.isFinite(days)) throw new CalendarRangeError(CalendarMessages.invalidDayCount(days));
    let date = Math.floor(start);
    let remaining = Math.trunc(days);
    const direction = Math.sign(remaining);
    // Each pass skips the holidays the previous jump landed over; passes are few (holidays are sparse).
    while (remaining !== 0) {
      const next = this.week.step(date, remaining);
      if (next < FIRST_CALENDAR_SERIAL || next > LAST_CALENDAR_SERIAL) {
        throw new CalendarRangeError(CalendarMessages.resultOutOfCalendar(FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR));
      }
      const skipped = direction > 0 ? this.closedDays.countBetween(date + 1, next) : this.closedDays.countBetween(next, date - 1);
      date = next;
      remaining = direction * skipped;
    }
    return date;
  }

  /**
   * Business days d with date(start) < d ≤ date(end): same day 0, Friday → Monday 1. Requires end ≥ start.
   * @example calendar.serviceDays(serialFromYmd(2025, 1, 10), serialFromYmd(2025, 1, 13)) // 1
   */
  serviceDays(start: number, end: number): number {
    this.assertOrdered(start, end);
    const first = Math.floor(start);
    const last = Math.floor(end);
    return last > first ? this.countBetween(first + 1, last) : 0;
  }

  /**
   * Business hours elapsed from start to end counting only [workStartHour, workEndHour) of business
   * days, rounded to the second. Requires end ≥ start.
   * @example calendar.serviceHours(friday + 16 / 24, monday + 9 / 24) // 2
   */
  serviceHours(
    start: number,
    end: number,
    workStartHour = DEFAULT_WORK_START_HOUR,
    workEndHour = DEFAULT_WORK_END_HOUR,
  ): number {
    if (!(workStartHour >= 0 && workStartHour < workEndHour && workEndHour <= 24)) {
      throw new CalendarRangeError(CalendarMessages.invalidWorkingHours(workStartHour, workEndHour));
    }
    this.assertOrdered(start, end);
    const first = Math.floor(start);
    const last = Math.floor(end);
    const clockHour = (moment: number, date: number): number =>
      Math.min(workEndHour, Math.max(workStartHour, (moment - date) * 24));
    let hours: number;
    if (first === last) {
      hours = this.isBusinessDay(first) ? clockHour(end, last) - clockHour(start, first) : 0;
    } else {
      const firstDay = this.isBusinessDay(first) ? workEndHour - clockHour(start, first) : 0;
      const fullDays = last - first >= 2 ? this.countBetween(first + 1, last - 1) : 0;
      const lastDay = this.isBusinessDay(last) ? clockHour(end, last) - workStartHour : 0;
      hours = firstDay + fullDays * (workEndHour - workStartHour) + lastDay;
    }
    return Math.round(hours * 3600) / 3600;
  }

  private countBetween(first: number, last: number): number {
    return this.week.countBetween(first, last) - this.closedDays.countBetween(first, last);
  }

  private assertOrdered(start: number, end: number): void {
    assertSupportedSerial(start);
    assertSupportedSerial(end);
    if (end < start) {
      throw new CalendarRangeError(CalendarMessages.endBeforeStart);
    }
  }
}
