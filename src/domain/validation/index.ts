export { validateWorkbook, sortFindings, summarize } from "./validate-workbook";
export type { ValidationOptions } from "./validate-workbook";
export { groupFindings } from "./group-findings";
export type { RuleGroup, SeverityGroup } from "./group-findings";
export { RULES } from "./rule-catalogue";
export { readDateText } from "./date-text";
export type { DateTextReading } from "./date-text";
export { RULE_IDS } from "./finding";
export type { Finding, RuleId, Severity, ValidationReport, ValidationSummary } from "./finding";
