import { formatSerial } from "../calendar";
import type { NonconformityReason } from "./nonconformity-alerts";
import type { OperationAlert } from "./open-operations";
import type { UnusableExtraHoliday } from "../workbook/model";
import { unusableExtraHolidayMessage } from "../workbook/messages";

/** Spanish wording of the follow-up items: one catalogue for the pane, the command and the validation rules. */
export const REASON_LABELS: Readonly<Record<NonconformityReason, string>> = {
  "nc-compromiso-vencido": "Fecha compromiso vencida",
  "nc-sin-analisis": "Sin causa raíz o acción correctiva",
  "nc-eficacia-pendiente": "Cerrada con eficacia pendiente",
};

/** What to do about each reason. */
export const REASON_ADVICE: Readonly<Record<NonconformityReason, string>> = {
  "nc-compromiso-vencido": "ejecute la acción y cierre la NC, o acuerde con el responsable una nueva «Fecha compromiso»",
  "nc-sin-analisis": "registre la «Causa raíz» y la «Acción correctiva» (ISO 9001 §10.2)",
  "nc-eficacia-pendiente": "verifique la eficacia y escriba «Sí» o «No» en «Eficaz»",
};

/** "vence hoy", "quedan 2 días hábiles", "3 días hábiles de retraso". */
export function daysLeftText(days: number): string {
  if (days === 0) return "vence hoy";
  if (days > 0) return days === 1 ? "queda 1 día hábil" : `quedan ${days} días hábiles`;
  return days === -1 ? "1 día hábil de retraso" : `${-days} días hábiles de retraso`;
}

export function operationAlertText(alert: OperationAlert): string {
  return `DO ${alert.do} (${alert.alliance}, ${alert.city || "sin ciudad"}): ${alert.status}, vence el ${formatSerial(alert.dueDate)} — ${daysLeftText(alert.businessDaysLeft)}.`;
}

/** Open DOs show #VALUE! in Estado ANS: the follow-up cannot tell which are overdue or at risk. */
export function noAnsStatusText(holiday: UnusableExtraHoliday): string {
  return unusableExtraHolidayMessage(holiday, "el seguimiento no puede decir qué DO abiertos están vencidos o en riesgo");
}
