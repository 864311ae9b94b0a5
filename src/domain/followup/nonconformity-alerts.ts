import { CalendarRangeError, getBusinessCalendar, isSupportedSerial } from "../calendar";
import { excelTextKey } from "../workbook/cell-reading";
import type { NonconformityRecord, WorkbookModel } from "../workbook/model";
import { findOperation } from "../workbook/operation-lookup";

/** Why a non-conformity needs action; the first two are also validation rules of the same id. */
export type NonconformityReason = "nc-compromiso-vencido" | "nc-sin-analisis" | "nc-eficacia-pendiente";

export interface NonconformityAlert {
  /** 0-based sheet row of the NC in tblNoConformidades. */
  row: number;
  number: string;
  /** Its Aliado, else the alliance of its DO ("" when neither is known). */
  alliance: string;
  /** Coordinator of its DO, when it names one ("" otherwise): lets the pane filter by coordinator. */
  coordinator: string;
  reason: NonconformityReason;
  /** Fecha compromiso (compromiso vencido, eficacia pendiente) or the analysis deadline (sin análisis); null when none. */
  dueDate: number | null;
  /** The field to fill or correct (a key of tblNoConformidades' columns). */
  field: "dueDate" | "rootCause" | "correctiveAction" | "effective";
}

const SEVERE = new Set(["mayor", "crítica"]);
const DONE = new Set(["cerrada", "anulada"]);

export const isSevere = (nc: NonconformityRecord): boolean => SEVERE.has(excelTextKey(nc.severity));
export const isFinished = (nc: NonconformityRecord): boolean => DONE.has(excelTextKey(nc.status));

/**
 * The last day a Mayor/Crítica NC may go without its analysis: N business days after its Fecha, on the
 * company's calendar (Monday–Friday, Colombian holidays and tblFestivosExtra): the analysis is the broker's own.
 */
export function analysisDeadline(nc: NonconformityRecord, model: WorkbookModel): number | null {
  if (nc.date === null || !isSupportedSerial(nc.date)) return null;
  return getBusinessCalendar(false, model.extraHolidays).workday(Math.floor(nc.date), model.parameters.ncAnalysisDays);
}

function alertsOf(nc: NonconformityRecord, model: WorkbookModel, today: number, context: NcContext): NonconformityAlert[] {
  const base = { row: nc.row, number: nc.number, ...context };
  const alerts: NonconformityAlert[] = [];
  const todayDate = Math.floor(today);
  if (!isFinished(nc)) {
    if (nc.dueDate !== null && Math.floor(nc.dueDate) < todayDate) {
      alerts.push({ ...base, reason: "nc-compromiso-vencido", dueDate: Math.floor(nc.dueDate), field: "dueDate" });
    }
    const missingRoot = nc.rootCause.trim() === "";
    if (isSevere(nc) && (missingRoot || nc.correctiveAction.trim() === "")) {
      const deadline = analysisDeadline(nc, model);
      if (deadline !== null && deadline < todayDate) {
        alerts.push({ ...base, reason: "nc-sin-analisis", dueDate: deadline, field: missingRoot ? "rootCause" : "correctiveAction" });
      }
    }
  } else if (excelTextKey(nc.status) === "cerrada" && excelTextKey(nc.effective) === "pendiente") {
    alerts.push({ ...base, reason: "nc-eficacia-pendiente", dueDate: nc.dueDate === null ? null : Math.floor(nc.dueDate), field: "effective" });
  }
  return alerts;
}

interface NcContext {
  alliance: string;
  coordinator: string;
}

/**
 * Non-conformities that need action today: open past their Fecha compromiso; Mayor/Crítica without Causa raíz
 * or Acción correctiva more than N business days (Parámetros) after their Fecha; Cerrada with Eficaz = Pendiente.
 * Oldest due date first; an NC with two reasons appears twice.
 */
export function nonconformityAlerts(model: WorkbookModel, today: number): NonconformityAlert[] {
  const alerts: NonconformityAlert[] = [];
  for (const nc of model.nonconformities) {
    const linked = findOperation(model.operations, nc.do);
    const context = { alliance: nc.alliance.trim() !== "" ? nc.alliance : (linked?.alliance ?? ""), coordinator: linked?.coordinator ?? "" };
    try {
      alerts.push(...alertsOf(nc, model, today, context));
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
    }
  }
  const order = (a: NonconformityAlert): number => a.dueDate ?? Number.MAX_SAFE_INTEGER;
  return alerts.sort((a, b) => order(a) - order(b) || a.row - b.row);
}
