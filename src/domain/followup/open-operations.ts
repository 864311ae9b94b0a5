import { CalendarRangeError, ansStatus, isSupportedSerial } from "../calendar";
import type { BusinessCalendar } from "../calendar";
import { findAlliance } from "../workbook/alliance-lookup";
import type { OperationRecord, WorkbookModel } from "../workbook/model";
import { extraHolidaysOf, FORMULA_ERROR, serviceCalendar, serviceStart, targetFor } from "../workbook/service-level";
import type { FormulaError } from "../workbook/service-level";

/** An open DO whose ANS has run out (Vencido) or is about to (En riesgo). */
export interface OperationAlert {
  /** 0-based sheet row of the DO in tblOperaciones. */
  row: number;
  do: string;
  /** The alliance as tblAlianzas spells it (the DO's own text when it is not there). */
  alliance: string;
  city: string;
  coordinator: string;
  status: "Vencido" | "En riesgo";
  /** The business day on which Meta ANS plus the client's days run out, as a serial. */
  dueDate: number;
  /** Business days from today to the due date; negative once overdue (−2 = two business days late). */
  businessDaysLeft: number;
}

/** ESTADO_ANS's target as the sheet passes it: Meta ANS plus Días imputables cliente. */
export function effectiveTarget(op: OperationRecord, meta: number): number {
  return meta + op.clientDelayDays;
}

/**
 * The day the ANS runs out: the last business day with elapsed ≤ target, counted with TIEMPO_SERVICIO's rule
 * (days d with start < d ≤ due). ESTADO_ANS says Vencido from the next business day on.
 * @example ansDueDate(mondayStart, 3, calendar) // Thursday's serial, when no holiday is in between
 */
export function ansDueDate(start: number, target: number, calendar: BusinessCalendar): number {
  return calendar.workday(Math.floor(start), Math.floor(target));
}

/** Business days from today to the due date (same day 0), negative when it is behind. */
export function businessDaysUntil(today: number, dueDate: number, calendar: BusinessCalendar): number {
  const from = Math.floor(today);
  return dueDate >= from ? calendar.serviceDays(from, dueDate) : -calendar.serviceDays(dueDate, from);
}

function alertFor(op: OperationRecord, model: WorkbookModel, today: number): OperationAlert | null | FormulaError {
  if (op.release !== null) return null;
  const start = serviceStart(op);
  if (start === null || !isSupportedSerial(start) || !isSupportedSerial(today)) return null;
  const alliance = findAlliance(model.alliances, op.alliance);
  const meta = targetFor(op, alliance);
  if (meta === null || !alliance) return null;
  const target = effectiveTarget(op, meta);
  const calendar = serviceCalendar(alliance, extraHolidaysOf(model));
  // Estado ANS shows #VALUE! (tblFestivosExtra unusable): the sheet says neither Vencido nor En riesgo.
  if (calendar === FORMULA_ERROR) return FORMULA_ERROR;
  const status = ansStatus({ start, end: null, target, today, calendar });
  if (status !== "Vencido" && status !== "En riesgo") return null;
  const dueDate = ansDueDate(start, target, calendar);
  return {
    row: op.row,
    do: op.do,
    alliance: alliance.name,
    city: op.city,
    coordinator: op.coordinator,
    status,
    dueDate,
    businessDaysLeft: businessDaysUntil(today, dueDate, calendar),
  };
}

/** The open DOs to follow up, and how many open DOs show #VALUE! in Estado ANS (tblFestivosExtra unusable). */
export interface OperationScan {
  alerts: OperationAlert[];
  withoutStatus: number;
}

/**
 * Open DOs (no Fecha levante / autorización) that ESTADO_ANS shows as Vencido or En riesgo today (En riesgo
 * from 80 % of the target on), most urgent first: fewest business days left, then earliest due date.
 */
export function scanOpenOperations(model: WorkbookModel, today: number): OperationScan {
  const alerts: OperationAlert[] = [];
  let withoutStatus = 0;
  for (const op of model.operations) {
    try {
      const alert = alertFor(op, model, today);
      if (alert === FORMULA_ERROR) withoutStatus++;
      else if (alert) alerts.push(alert);
    } catch (error) {
      // A due date past the holiday calendar (a mistyped year) cannot be counted; validation reports the date.
      if (!(error instanceof CalendarRangeError)) throw error;
    }
  }
  alerts.sort((a, b) => a.businessDaysLeft - b.businessDaysLeft || a.dueDate - b.dueDate || a.row - b.row);
  return { alerts, withoutStatus };
}

/** The alerts of scanOpenOperations. */
export function operationAlerts(model: WorkbookModel, today: number): OperationAlert[] {
  return scanOpenOperations(model, today).alerts;
}
