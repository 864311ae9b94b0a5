export type { FollowUp, ItemLocation, NonconformityFollowUp, OperationFollowUp } from "./follow-up";
export { followUp } from "./follow-up";
export type { FollowUpJson } from "./follow-up-json";
export { followUpToJson, isoDate } from "./follow-up-json";
export { REASON_ADVICE, REASON_LABELS, daysLeftText, noAnsStatusText, operationAlertText } from "./messages";
export type { NonconformityAlert, NonconformityReason } from "./nonconformity-alerts";
export { analysisDeadline, nonconformityAlerts } from "./nonconformity-alerts";
export type { OperationAlert } from "./open-operations";
export { ansDueDate, businessDaysUntil, operationAlerts } from "./open-operations";
