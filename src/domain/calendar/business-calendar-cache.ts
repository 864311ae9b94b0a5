import { BusinessCalendar } from "./business-calendar";

// Bounded so that a workbook full of different holiday ranges cannot grow memory without limit.
const MAX_CACHED_CALENDARS = 32;
const calendars = new Map<string, BusinessCalendar>();
// Fast path for callers that pass the same (never mutated) holiday list on every row, e.g. 100,000 DOs
// validated against the workbook's tblFestivosExtra: skips building the content key per call.
const NO_EXTRA_HOLIDAYS: readonly number[] = Object.freeze([]);
const byList = new WeakMap<readonly number[], { saturday?: BusinessCalendar; weekdays?: BusinessCalendar }>();

function cacheKey(saturdayIsBusiness: boolean, extraHolidays: readonly number[]): string {
  const prefix = saturdayIsBusiness ? "S" : "N";
  if (extraHolidays.length === 0) return prefix;
  const dates = Array.from(new Set(extraHolidays.map(Math.floor))).sort((a, b) => a - b);
  return `${prefix}:${dates.join(",")}`;
}

/**
 * The calendar for a weekend rule and a set of extra holidays, built once and reused: 100,000 formulas
 * with the same arguments share one calendar.
 */
export function getBusinessCalendar(
  saturdayIsBusiness: boolean,
  extraHolidays: readonly number[] = NO_EXTRA_HOLIDAYS,
): BusinessCalendar {
  const remembered = byList.get(extraHolidays);
  const fast = saturdayIsBusiness ? remembered?.saturday : remembered?.weekdays;
  if (fast) return fast;
  const calendar = calendarFor(saturdayIsBusiness, extraHolidays);
  const entry = remembered ?? {};
  if (saturdayIsBusiness) entry.saturday = calendar;
  else entry.weekdays = calendar;
  byList.set(extraHolidays, entry);
  return calendar;
}

function calendarFor(saturdayIsBusiness: boolean, extraHolidays: readonly number[]): BusinessCalendar {
  const key = cacheKey(saturdayIsBusiness, extraHolidays);
  const cached = calendars.get(key);
  if (cached) return cached;
  if (calendars.size >= MAX_CACHED_CALENDARS) {
    const oldest = calendars.keys().next();
    if (!oldest.done) calendars.delete(oldest.value);
  }
  const calendar = new BusinessCalendar({ saturdayIsBusiness, extraHolidays });
  calendars.set(key, calendar);
  return calendar;
}
