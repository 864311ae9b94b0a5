import { serialFromYmd } from "../domain/calendar";

/** Today's date in Colombia as an Excel serial (whole day), whatever the computer's time zone. */
export function todaySerial(now: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Bogota", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return serialFromYmd(part("year"), part("month"), part("day"));
}
