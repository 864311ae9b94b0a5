import type { BusinessCalendar } from "./business-calendar";

/** "d": business days; "h": business hours inside the working day. */
export type ServiceTimeUnit = "d" | "h";

/**
 * Elapsed business time from start to end (SPEC §2, TIEMPO_SERVICIO). Requires end ≥ start.
 * @example serviceTime(friday, monday, "d", calendar) // 1
 */
export function serviceTime(start: number, end: number, unit: ServiceTimeUnit, calendar: BusinessCalendar): number {
  return unit === "h" ? calendar.serviceHours(start, end) : calendar.serviceDays(start, end);
}
