import type { Finding, RuleId, Severity, ValidationReport } from "./finding";
import { RULE_IDS } from "./finding";
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

const SEVERITY_TITLES: Record<Severity, string> = { error: "Errores", advertencia: "Advertencias" };

/**
 * Findings grouped by severity (errors first), then by rule in catalogue order, with counts — so
 * thousands of findings read as a dozen headings.
 * @example groupFindings(report)[0] // { severity: "error", title: "Errores", count: 12, rules: [...] }
 */
export function groupFindings(report: ValidationReport): SeverityGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const groups: SeverityGroup[] = [];
  for (const severity of ["error", "advertencia"] as const) {
    const rules: RuleGroup[] = [];
    for (const rule of RULE_IDS) {
      const findings = byRule.get(rule);
      if (!findings || RULES[rule].severity !== severity) continue;
      rules.push({ rule, title: RULES[rule].title, count: findings.length, findings });
    }
    const count = rules.reduce((sum, group) => sum + group.count, 0);
    if (count > 0) groups.push({ severity, title: SEVERITY_TITLES[severity], count, rules });
  }
  return groups;
}
