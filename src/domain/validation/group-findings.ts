import type { Finding, RuleId, Severity } from "./finding";
import { RULES } from "./rule-catalogue";

export interface RuleGroup {
  readonly rule: RuleId;
  readonly title: string;
  readonly count: number;
  /** In report order (sheet, row, column). */
  readonly findings: readonly Finding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  /** "Errores" / "Advertencias". */
  readonly title: string;
  readonly count: number;
  readonly rules: readonly RuleGroup[];
}

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = { error: "Errores", advertencia: "Advertencias" };

/** The rules in catalogue order: the order of every list of rules the user sees (pane, CLI, docs). */
export const RULE_ORDER = Object.keys(RULES) as RuleId[];

/** The rule's Spanish title from the catalogue. */
export function ruleTitle(rule: RuleId): string {
  return RULES[rule].title;
}

/**
 * Findings grouped by severity (errors first), then by rule in catalogue order, with counts — so
 * thousands of findings read as a dozen headings. The one grouping of the pane and the CLI.
 * @example groupFindings(report)[0] // { severity: "error", title: "Errores", count: 12, rules: [...] }
 */
export function groupFindings(report: { readonly findings: readonly Finding[] }): SeverityGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const groups: SeverityGroup[] = [];
  for (const severity of ["error", "advertencia"] as const) {
    const rules: RuleGroup[] = [];
    for (const rule of RULE_ORDER) {
      const findings = byRule.get(rule);
      if (!findings || RULES[rule].severity !== severity) continue;
      rules.push({ rule, title: RULES[rule].title, count: findings.length, findings });
    }
    const count = rules.reduce((sum, group) => sum + group.count, 0);
    if (count > 0) groups.push({ severity, title: SEVERITY_TITLES[severity], count, rules });
  }
  return groups;
}
