import { getBusinessCalendar, isSupportedSerial } from "../calendar";
import type { AllianceRecord, OperationRecord } from "./model";

/** Start of the ANS interval: the later of cargo arrival and complete documents (whichever are filled). */
export function serviceStart(op: OperationRecord): number | null {
  if (op.arrival === null) return op.documentsComplete;
  if (op.documentsComplete === null) return op.arrival;
  return Math.max(op.arrival, op.documentsComplete);
}

/** The alliance's agreed time for the operation's Tipo, or null when unknown. */
export function targetFor(op: OperationRecord, alliance: AllianceRecord | undefined): number | null {
  if (!alliance) return null;
  if (op.type === "Importación") return alliance.importTarget;
  if (op.type === "Exportación") return alliance.exportTarget;
  return null;
}

/**
 * Business days charged to the alliance (SPEC §1.1): TIEMPO_SERVICIO from start to levante on the
 * alliance's calendar, minus the client's days, never below 0. Null while the operation is not measurable.
 */
export function measuredServiceDays(
  op: OperationRecord,
  alliance: AllianceRecord | undefined,
  extraHolidays: readonly number[],
): number | null {
  const start = serviceStart(op);
  if (start === null || op.release === null || op.release < start) return null;
  // A mistyped year (1926, 2602) is outside the calendar: not measurable, and validation reports the date.
  if (!isSupportedSerial(start) || !isSupportedSerial(op.release)) return null;
  const calendar = getBusinessCalendar(alliance?.saturdayIsBusiness ?? false, extraHolidays);
  return Math.max(0, calendar.serviceDays(start, op.release) - op.clientDelayDays);
}
