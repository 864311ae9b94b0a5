import { CalendarRangeError, isSupportedSerial } from "../calendar";
import type { BusinessCalendar } from "../calendar";
import type { AllianceRecord, OperationRecord } from "../workbook/model";
import { FORMULA_ERROR, measuredServiceDays, serviceCalendar, serviceStart } from "../workbook/service-level";
import type { ExtraHolidaysArgument, FormulaError } from "../workbook/service-level";

/** The stages of an operation (SPEC §7), in the order the cargo goes through them, and the total. */
export const STAGES = ["documentos-presentacion", "presentacion-levante", "levante-entrega", "levante-facturacion"] as const;
export type Stage = (typeof STAGES)[number];
export type StageOrTotal = Stage | "total";

export const STAGE_LABELS: Readonly<Record<StageOrTotal, string>> = {
  "documentos-presentacion": "Llegada / documentos → presentación",
  "presentacion-levante": "Presentación → levante / autorización",
  "levante-entrega": "Levante → entrega / embarque",
  "levante-facturacion": "Levante → facturación",
  total: "Tiempo de servicio (total)",
};

/** Short names for narrow columns (the command's table, the sheet's headers). */
export const STAGE_SHORT_LABELS: Readonly<Record<StageOrTotal, string>> = {
  "documentos-presentacion": "Docs → presentación",
  "presentacion-levante": "Presentación → levante",
  "levante-entrega": "Levante → entrega",
  "levante-facturacion": "Levante → facturación",
  total: "Total",
};

/** Business days of each stage of one measured DO; null where a date is missing or out of order. */
export type StageDays = Record<StageOrTotal, number | null>;

function between(from: number | null, to: number | null, calendar: BusinessCalendar): number | null {
  if (from === null || to === null || to < from || !isSupportedSerial(from) || !isSupportedSerial(to)) return null;
  return calendar.serviceDays(from, to);
}

/**
 * The stages of a DO on its alliance's calendar, counted with TIEMPO_SERVICIO's day rule (days d with
 * from < d ≤ to; Saturday per the alliance's Sábado hábil; tblFestivosExtra closed): start of service
 * (the later of llegada and documentos completos) → presentación → levante → entrega, levante → facturación.
 * The total is the DO's Tiempo servicio (after the client's days). Null for a DO that is not measured;
 * FORMULA_ERROR when its Tiempo servicio is #VALUE! for the calendar (tblFestivosExtra unusable): not measured either.
 */
export function stageDays(op: OperationRecord, alliance: AllianceRecord | undefined, extraHolidays: ExtraHolidaysArgument): StageDays | null | FormulaError {
  try {
    const total = measuredServiceDays(op, alliance, extraHolidays);
    if (total === null || total === FORMULA_ERROR) return total;
    const calendar = serviceCalendar(alliance, extraHolidays);
    if (calendar === FORMULA_ERROR) return FORMULA_ERROR;
    const start = serviceStart(op);
    return {
      "documentos-presentacion": between(start, op.declaration, calendar),
      "presentacion-levante": between(op.declaration, op.release, calendar),
      "levante-entrega": between(op.release, op.delivery, calendar),
      "levante-facturacion": between(op.release, op.invoiced, calendar),
      total,
    };
  } catch (error) {
    // A date beyond the holiday calendar (a mistyped year) is not counted; validation reports it.
    if (error instanceof CalendarRangeError) return null;
    throw error;
  }
}
