import { RULE_ORDER, ruleTitle } from "../domain/validation/group-findings";
import { RULES } from "../domain/validation/rule-catalogue";

/**
 * One line per rule of the catalogue, in catalogue order: id, severity and title. Generated so that
 * `validar --help` can never list fewer rules than Validar applies.
 */
export function ruleListLines(indent = "  "): string[] {
  const entries = RULE_ORDER.map((id) => [id, { severity: RULES[id].severity, title: ruleTitle(id) }] as const);
  const idWidth = Math.max(...entries.map(([id]) => id.length));
  const severityWidth = Math.max(...entries.map(([, rule]) => rule.severity.length));
  return entries.map(([id, { severity, title }]) => `${indent}${id.padEnd(idWidth)}  ${severity.padEnd(severityWidth)}  ${title}`);
}
