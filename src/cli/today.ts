import { serialFromYmd } from "../domain/calendar";

/** Today's serial in Colombia's calendar, whatever the machine's time zone. */
export function todayInBogota(now: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Bogota", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, part) => ({ ...acc, [part.type]: Number(part.value) }), {});
  return serialFromYmd(parts["year"] ?? 1970, parts["month"] ?? 1, parts["day"] ?? 1);
}
