/**
 * Service days computed WITHOUT the domain calendar: formulajs' NETWORKDAYS.INTL (Excel's own rule) with
 * the Colombian holidays of date-holidays, so the evaluation is checked against a second implementation.
 */
import * as formulajs from "@formulajs/formulajs";
import Holidays from "date-holidays";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial of a date-time, computed by the test itself. */
export function serial(year: number, month: number, day: number, hour = 0): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / MS_PER_DAY + hour / 24;
}

/** Local-midnight Date of a serial's date, as formulajs compares dates. */
function localDate(serialValue: number): Date {
  const utc = new Date(EXCEL_EPOCH + Math.floor(serialValue) * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

const holidays = new Holidays("CO");
function colombianHolidayDates(years: number[]): Date[] {
  return years.flatMap((year) =>
    holidays
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => {
        const [y, m, d] = h.date.slice(0, 10).split("-").map(Number);
        return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
      }),
  );
}

/**
 * Business days d with date(start) < d ≤ date(end), minus the client's days, never below 0 (SPEC §1.1):
 * NETWORKDAYS.INTL(start + 1, end, weekend mask, holidays) when end is after start's date, else 0.
 */
export function oracleServiceDays(
  start: number,
  end: number,
  saturdayIsBusiness: boolean,
  extraHolidays: number[],
  clientDelayDays = 0,
): number {
  const first = Math.floor(start) + 1;
  const last = Math.floor(end);
  let days = 0;
  if (last >= first) {
    const years = [localDate(first).getFullYear(), localDate(last).getFullYear()];
    const closed = [...colombianHolidayDates([...new Set(years)]), ...extraHolidays.map(localDate)];
    const result = formulajs.NETWORKDAYS.INTL(localDate(first), localDate(last), saturdayIsBusiness ? "0000001" : "0000011", closed);
    if (typeof result !== "number") throw new Error(`NETWORKDAYS.INTL falló: ${String(result)}`);
    days = result;
  }
  return Math.max(0, days - clientDelayDays);
}
