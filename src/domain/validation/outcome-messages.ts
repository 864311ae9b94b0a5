import { SHEETS, TABLES } from "../workbook/headers";
import type { ValidationReport } from "./finding";

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("es-CO")} ${n === 1 ? one : many}`;
}

/**
 * The one-line outcome of "Validar" that the pane and the CLI show, so both say the same: that there are no
 * findings, and how many DOs that covers — an operations table with only headers is said to have 0 DOs rather
 * than to "comply with every rule".
 * @example validationOutcome(reportOfHeadersOnly) // "Sin hallazgos, pero tblOperaciones no tiene DOs (0 DOs revisados) …"
 */
export function validationOutcome(report: ValidationReport): string {
  const { errors, warnings } = report.summary;
  const sheet = report.operationsSheet ?? SHEETS.operations;
  if (report.operations === 0) {
    const what = errors + warnings === 0 ? "Sin hallazgos, pero" : `${findingCounts(report)};`;
    return `${what} ${TABLES.operations} (hoja «${sheet}») no tiene DOs: 0 DOs revisados. Registre las operaciones y valide de nuevo.`;
  }
  const checked = count(report.operations, "DO revisado", "DOs revisados");
  if (errors + warnings === 0) return `Sin hallazgos: el cuadro cumple todas las reglas (${checked}).`;
  return findingCounts(report);
}

/** "2 errores · 1 advertencia". */
export function findingCounts(report: ValidationReport): string {
  const { errors, warnings } = report.summary;
  return `${count(errors, "error", "errores")} · ${count(warnings, "advertencia", "advertencias")}`;
}
