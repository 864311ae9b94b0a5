import { RULES } from "../domain/validation/rule-catalogue";

/**
 * One line per rule of the catalogue, in catalogue order: id, severity and title. Generated so that
 * `validar --help` can never list fewer rules than Validar applies.
 */
export function ruleListLines(indent = "  "): string[] {
  const entries = Object.entries(RULES);
  const idWidth = Math.max(...entries.map(([id]) => id.length));
  const severityWidth = Math.max(...entries.map(([, rule]) => rule.severity.length));
  return entries.map(([id, { severity, title }]) => `${indent}${id.padEnd(idWidth)}  ${severity.padEnd(severityWidth)}  ${title}`);
}
