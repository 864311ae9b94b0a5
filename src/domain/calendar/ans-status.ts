import type { BusinessCalendar } from "./business-calendar";

export type AnsStatus = "Cumple" | "No cumple" | "Vencido" | "En riesgo" | "En curso" | "";

export interface AnsStatusInput {
  /** Start of the ANS interval, or null when not yet known. */
  readonly start: number | null;
  /** Levante / autorización, or null while the operation is open. */
  readonly end: number | null;
  /** Agreed business days (Meta ANS). */
  readonly target: number;
  /** Today's serial, the reference for open operations. */
  readonly today: number;
  readonly calendar: BusinessCalendar;
}

/** An open operation is at risk from this share of its target on. */
export const AT_RISK_SHARE = 0.8;

/**
 * ANS state of an operation (SPEC §2, ESTADO_ANS): closed ones Cumple / No cumple; open ones
 * Vencido, En riesgo or En curso, measured to today; "" without a start.
 * @example ansStatus({ start, end: null, target: 5, today, calendar }) // "En riesgo" after 4 days
 */
export function ansStatus({ start, end, target, today, calendar }: AnsStatusInput): AnsStatus {
  if (start === null) return "";
  if (end !== null) return calendar.serviceDays(start, end) <= target ? "Cumple" : "No cumple";
  // An interval that starts after today has not consumed any time yet.
  const elapsed = today > start ? calendar.serviceDays(start, today) : 0;
  if (elapsed > target) return "Vencido";
  if (elapsed >= AT_RISK_SHARE * target) return "En riesgo";
  return "En curso";
}
