import { CliMessages } from "./messages";
import type { ValidationReport } from "../domain/validation/finding";
import { groupFindings, RULE_ORDER, ruleTitle } from "../domain/validation/group-findings";
import { validationOutcome } from "../domain/validation/outcome-messages";

/** Lines shown per rule and sheet before "… y N más": 5,000 findings stay readable. */
const LINES_PER_GROUP = 15;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("es-CO")} ${count === 1 ? one : many}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

/** The `--json` shape other tools parse, so it stays fixed: exactly rule, severity, sheet, cell and message per finding. */
export function findingsJson(report: ValidationReport): string {
  return JSON.stringify({
    findings: report.findings.map(({ rule, severity, sheet, cell, message }) => ({ rule, severity, sheet, cell, message })),
    summary: report.summary,
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name) ?? [];
    group.push(item);
    groups.set(name, group);
  }
  return groups;
}

/**
 * Readable Spanish report: totals, then per sheet the findings grouped as the pane groups them (errors first, rules in
 * catalogue order, under the catalogue's titles, with the rule id for --json and --help), then counts by rule.
 */
export function findingsText(file: string, report: ValidationReport): string {
  const { errors, warnings } = report.summary;
  const lines: string[] = [];
  lines.push(CliMessages.validationTitle(file, plural(errors, "error", "errores"), plural(warnings, "advertencia", "advertencias")));
  if (report.findings.length === 0 || report.operations === 0) lines.push("", validationOutcome(report));
  if (report.findings.length === 0) return `${lines.join("\n")}\n`;
  for (const [sheet, sheetFindings] of groupBy(report.findings, (f) => f.sheet)) {
    lines.push("", `Hoja «${sheet}» — ${plural(sheetFindings.length, "hallazgo", "hallazgos")}`);
    for (const severityGroup of groupFindings({ findings: sheetFindings })) {
      for (const { rule, title, count, findings } of severityGroup.rules) {
        lines.push(`  ${title} — ${rule} (${severityGroup.severity}, ${count.toLocaleString("es-CO")})`);
        for (const finding of findings.slice(0, LINES_PER_GROUP)) lines.push(`    ${pad(finding.cell, 7)} ${finding.message}`);
        if (count > LINES_PER_GROUP) {
          lines.push(`    ${CliMessages.moreFindings((count - LINES_PER_GROUP).toLocaleString("es-CO"))}`);
        }
      }
    }
  }
  lines.push("", CliMessages.byRule);
  const counted = RULE_ORDER.filter((rule) => (report.summary.byRule[rule] ?? 0) > 0);
  const width = Math.max(...counted.map((rule) => rule.length));
  for (const rule of counted) {
    lines.push(`  ${pad(rule, width)}  ${String(report.summary.byRule[rule]).padStart(6)}  ${ruleTitle(rule)}`);
  }
  return `${lines.join("\n")}\n`;
}
