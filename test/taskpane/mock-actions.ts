import type { Actions, ChangeResult } from "../../src/excel/action-types";
import type { Finding, ValidationReport } from "../../src/domain/validation/finding";

export const change = (notes: string[] = [], extra: Partial<ChangeResult> = {}): ChangeResult => ({ notes, conflicts: [], skipped: [], cellsWritten: notes.length * 10, ...extra });

/** Actions whose every method is a jest mock that fails loudly unless the test sets it up. */
export function mockActions(overrides: Partial<Actions> = {}): jest.Mocked<Actions> {
  const unexpected = (name: string) => jest.fn(() => Promise.reject(new Error(`acción inesperada: ${name}`)));
  return {
    prepararCuadro: unexpected("prepararCuadro"),
    cargarDatosEjemplo: unexpected("cargarDatosEjemplo"),
    validar: unexpected("validar"),
    seleccionarCelda: unexpected("seleccionarCelda"),
    registrarNoConformidad: unexpected("registrarNoConformidad"),
    leerSeleccionDO: unexpected("leerSeleccionDO"),
    resumen: unexpected("resumen"),
    // The pane checks on opening; tests that care set it, the rest see a workbook with nothing to repair.
    detectarFormulasRotas: jest.fn().mockResolvedValue(0),
    repararFormulas: unexpected("repararFormulas"),
    vistaPreviaEvaluacion: unexpected("vistaPreviaEvaluacion"),
    generarEvaluacion: unexpected("generarEvaluacion"),
    // Loaded when the pane opens; the rest of the tests see a day with nothing to follow up.
    generarIndicadores: unexpected("generarIndicadores"),
    diagnostico: unexpected("diagnostico"),
    seguimiento: jest.fn().mockResolvedValue({ today: 46_200, operations: [], nonconformities: [] }),
    ...overrides,
  } as jest.Mocked<Actions>;
}

export function finding(partial: Partial<Finding> & Pick<Finding, "rule" | "cell">): Finding {
  return { severity: "error", sheet: "Operaciones", row: 0, col: 0, message: `Mensaje de ${partial.rule} en ${partial.cell}`, ...partial };
}

/** A validation report of `findings` over `operations` DOs (the pane says how many were checked). */
export function report(findings: Finding[], operations = 40): ValidationReport {
  const byRule: ValidationReport["summary"]["byRule"] = {};
  const bySheet: Record<string, number> = {};
  for (const f of findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    bySheet[f.sheet] = (bySheet[f.sheet] ?? 0) + 1;
  }
  return {
    findings,
    summary: { errors: findings.filter((f) => f.severity === "error").length, warnings: findings.filter((f) => f.severity === "advertencia").length, byRule, bySheet },
    operations,
    operationsSheet: "Operaciones",
  };
}
