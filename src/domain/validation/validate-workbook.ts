import { readWorkbookModel } from "../workbook/read-model";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { locateTables } from "../workbook/table-location";
import { validateAlliances } from "./alliance-rules";
import type { Finding, ValidationReport, ValidationSummary } from "./finding";
import { FindingCollector } from "./finding-collector";
import { validateFollowUp } from "./followup-rules";
import { validateNonconformities } from "./nonconformity-rules";
import { validateOperations } from "./operation-rules";
import { validateParameters, validateStatusDate } from "./parameter-rules";

export interface ValidationOptions {
  /** Today's serial: the reference for future dates, contracts about to end and open operations. */
  readonly today: number;
}

/** Findings in reading order: sheet tab order, then row, then column. */
export function sortFindings(findings: Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  return findings.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? Number.MAX_SAFE_INTEGER) - (sheetOrder.get(b.sheet) ?? Number.MAX_SAFE_INTEGER) ||
      a.row - b.row ||
      a.col - b.col,
  );
}

export function summarize(findings: readonly Finding[]): ValidationSummary {
  const summary: ValidationSummary = { errors: 0, warnings: 0, byRule: {}, bySheet: {} };
  for (const finding of findings) {
    if (finding.severity === "error") summary.errors++;
    else summary.warnings++;
    summary.byRule[finding.rule] = (summary.byRule[finding.rule] ?? 0) + 1;
    summary.bySheet[finding.sheet] = (summary.bySheet[finding.sheet] ?? 0) + 1;
  }
  return summary;
}

/**
 * "Validar" (SPEC §5): every rule on the operations, alliances, non-conformities and parameters found in
 * the workbook (tables, or plain ranges not yet prepared), sorted by sheet, row and column.
 * One pass per table with Map lookups: linear in the number of rows.
 */
export function validateWorkbook(snapshot: WorkbookSnapshot, options: ValidationOptions): ValidationReport {
  const tables = locateTables(snapshot);
  const model = readWorkbookModel(snapshot);
  const out = new FindingCollector();
  const knownDos = tables.operations ? validateOperations(out, tables.operations, model, options.today, tables.alliances?.sheet.name) : new Map<string, number>();
  if (tables.alliances) validateAlliances(out, tables.alliances, model, options.today);
  if (tables.nonconformities) {
    validateNonconformities(out, tables.nonconformities, model, options.today, knownDos, {
      operations: tables.operations?.sheet.name,
      alliances: tables.alliances?.sheet.name,
    });
  }
  validateParameters(out, tables);
  validateStatusDate(out, tables, options.today);
  validateFollowUp(out, tables, model, options.today);
  const sheetOrder = new Map(snapshot.sheets.map((sheet) => [sheet.name, sheet.position]));
  const findings = sortFindings(out.findings, sheetOrder);
  return {
    findings,
    summary: summarize(findings),
    operations: tables.operations ? model.operations.length : 0,
    operationsSheet: tables.operations?.sheet.name ?? null,
  };
}
