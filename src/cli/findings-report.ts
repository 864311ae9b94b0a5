import type { Finding, ValidationReport } from "../domain/validation/finding";
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

/** Readable Spanish report: totals, then per sheet and rule the cells and messages, then counts by rule. */
export function findingsText(file: string, report: ValidationReport): string {
  const { errors, warnings } = report.summary;
  const lines: string[] = [];
  lines.push(`Validación de «${file}»: ${plural(errors, "error", "errores")} y ${plural(warnings, "advertencia", "advertencias")}.`);
  if (report.findings.length === 0 || report.operations === 0) lines.push("", validationOutcome(report));
  if (report.findings.length === 0) return `${lines.join("\n")}\n`;
  for (const [sheet, sheetFindings] of groupBy(report.findings, (f) => f.sheet)) {
    lines.push("", `Hoja «${sheet}» — ${plural(sheetFindings.length, "hallazgo", "hallazgos")}`);
    for (const [rule, ruleFindings] of groupBy(sheetFindings, (f) => f.rule)) {
      const first = ruleFindings[0] as Finding;
      const label = first.severity === "error" ? "error" : "advertencia";
      lines.push(`  ${rule} (${label}, ${ruleFindings.length.toLocaleString("es-CO")})`);
      for (const finding of ruleFindings.slice(0, LINES_PER_GROUP)) lines.push(`    ${pad(finding.cell, 7)} ${finding.message}`);
      if (ruleFindings.length > LINES_PER_GROUP) {
        lines.push(`    … y ${(ruleFindings.length - LINES_PER_GROUP).toLocaleString("es-CO")} más (use --json para verlos todos)`);
      }
    }
  }
  lines.push("", "Resumen por regla:");
  const byRule = Object.entries(report.summary.byRule).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...byRule.map(([rule]) => rule.length));
  for (const [rule, count] of byRule) lines.push(`  ${pad(rule, width)}  ${String(count).padStart(6)}`);
  return `${lines.join("\n")}\n`;
}
