import type { Finding, RuleId } from "../domain/validation/finding";
import { groupFindings as groupByRule } from "../domain/validation/group-findings";
import type { SeverityGroup } from "../domain/validation/group-findings";

export type { RuleGroup, SeverityGroup } from "../domain/validation/group-findings";

export interface FindingFilter {
  sheet: string;
  rule: string;
}

/**
 * Findings that pass the filter ("" = all), grouped as the domain groups them: by severity (errors first), then by
 * rule in catalogue order, under the catalogue's titles.
 */
export function groupFindings(findings: readonly Finding[], filter: FindingFilter): SeverityGroup[] {
  const shown = findings.filter((f) => (filter.sheet === "" || f.sheet === filter.sheet) && (filter.rule === "" || f.rule === filter.rule));
  return groupByRule({ findings: shown });
}

/** Findings from which the pane offers "Registrar NC" (ISO 10.2: an ANS breach wants a non-conformity). */
export const NC_RULES: readonly RuleId[] = ["ans-incumplido", "nc-faltante"];
