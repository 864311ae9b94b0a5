import { serialFromYmd } from "./serial-date";

/** Colombia's offset from UTC, in hours: UTC−5 all year (no daylight saving time since 1993). */
const COLOMBIA_UTC_OFFSET_HOURS = -5;

/**
 * The date in Colombia at the instant `now`, as an Excel serial (whole day), whatever the computer's time zone: the
 * "today" of the pane's status date (ADUANA_HOY), of the CLI and of ESTADO_ANS without `hoy`, so they all agree
 * with the business calendar, which is Colombia's.
 * @example todayInColombia(new Date("2026-03-20T03:00:00Z")) // 19/03/2026: it is still 22:00 of the 19th in Bogotá
 */
export function todayInColombia(now: Date): number {
  const colombia = new Date(now.getTime() + COLOMBIA_UTC_OFFSET_HOURS * 3_600_000);
  return serialFromYmd(colombia.getUTCFullYear(), colombia.getUTCMonth() + 1, colombia.getUTCDate());
}
