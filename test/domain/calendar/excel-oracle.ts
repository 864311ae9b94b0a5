// Test oracle: @formulajs/formulajs' NETWORKDAYS.INTL / WORKDAY.INTL, an independent day-by-day
// implementation, fed the same holidays. Not a test file (no .test.ts suffix).
import { NETWORKDAYS, WORKDAY } from "@formulajs/formulajs";
import { colombianHolidays, serialFromYmd, ymdFromSerial } from "../../../src/domain/calendar";

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Colombian holidays plus extras with dates in [first, last]: all the oracle needs, kept short for speed. */
export function holidaysBetween(first: number, last: number, extra: readonly number[] = []): number[] {
  const dates: number[] = extra.filter((date) => date >= first && date <= last);
  const fromYear = ymdFromSerial(first).year;
  const toYear = ymdFromSerial(last).year;
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of colombianHolidays(year)) {
      if (holiday.serial >= first && holiday.serial <= last) dates.push(holiday.serial);
    }
  }
  return dates;
}

/** NETWORKDAYS.INTL per formulajs, mirrored for reversed intervals (formulajs gets their sign wrong). */
export function oracleNetworkDays(start: number, end: number, saturdayIsBusiness: boolean, extra: readonly number[] = []): number {
  const first = Math.min(start, end);
  const last = Math.max(start, end);
  const mask = saturdayIsBusiness ? "0000001" : "0000011";
  const result = NETWORKDAYS.INTL(first, last, mask, holidaysBetween(first, last, extra));
  if (typeof result !== "number") throw new Error(`formulajs NETWORKDAYS.INTL failed: ${String(result)}`);
  return start <= end ? result : -result;
}

/** WORKDAY.INTL per formulajs, for days ≥ 0 or < 0; `horizon` bounds the holidays it is fed. */
export function oracleWorkday(
  start: number,
  days: number,
  saturdayIsBusiness: boolean,
  extra: readonly number[] = [],
): { serial: number; horizon: readonly [number, number] } {
  const span = Math.abs(days) * 2 + 40; // calendar days needed for |days| business days, with room to spare
  const horizon: [number, number] = days >= 0 ? [start, start + span] : [start - span, start];
  const weekend = saturdayIsBusiness ? 11 : 1; // 11 = Sunday only
  const result: unknown = WORKDAY.INTL(start, days, weekend, holidaysBetween(horizon[0], horizon[1], extra));
  if (!(result instanceof Date)) throw new Error(`formulajs WORKDAY.INTL failed: ${String(result)}`);
  // formulajs builds local-time Dates; their local calendar date is the Excel date.
  return { serial: serialFromYmd(result.getFullYear(), result.getMonth() + 1, result.getDate()), horizon };
}
