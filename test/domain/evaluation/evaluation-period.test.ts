import {
  EvaluationRefusedError,
  computeEvaluation,
  evaluateWorkbook,
  evaluationRefusal,
  partialLabel,
  planEvaluation,
} from "../../../src/domain/evaluation";
import { evaluationWorkbook } from "./evaluation-workbook";
import { fixtureModel } from "./fixture-model";
import { serial } from "./independent-oracle";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { cellAt } from "../../helpers/snapshot-builder";

const JAN_2026 = serial(2026, 1, 15);
const JUNE_2025 = serial(2025, 6, 27);

function refusalOf(run: () => unknown): EvaluationRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvaluationRefusedError) return error;
    throw error;
  }
  throw new Error("expected the evaluation to be refused");
}

describe("which years can be evaluated", () => {
  it("refuses a year without any DO opened in it, naming the year and saying nothing was written", () => {
    const refusal = refusalOf(() => planEvaluation(evaluationWorkbook(), { year: 1990, today: JAN_2026 }));
    expect(refusal.message).toMatch(/No hay DOs con «Fecha apertura DO» en 1990/);
    expect(refusal.message).toMatch(/no se escribió nada/);
  });

  it("refuses 2024 in the fixture only if no DO opened then: DO-1 and DO-14 did, so 2024 is allowed", () => {
    expect(evaluationRefusal(fixtureModel(), 2024, JAN_2026)).toBeNull();
    expect(evaluationRefusal(fixtureModel(), 2023, JAN_2026)).toMatch(/en 2023/);
  });

  it("refuses a workbook without alliances even when it has DOs", () => {
    const refusal = refusalOf(() => planEvaluation(evaluationWorkbook({ alliances: [] }), { year: 2025, today: JAN_2026 }));
    expect(refusal.message).toMatch(/No hay aliados en tblAlianzas/);
  });

  it("refuses a year that has not begun, and a year outside the calendar", () => {
    expect(evaluationRefusal(fixtureModel(), 2027, JAN_2026)).toMatch(/2027 aún no ha empezado \(hoy es 2026-01-15\)/);
    expect(evaluationRefusal(fixtureModel(), 1900, JAN_2026)).toMatch(/año 1900 no es válido/);
  });

  it("refuses in the preview as in Generar, so the pane says the same", () => {
    expect(() => evaluateWorkbook(evaluationWorkbook(), 1990, JAN_2026)).toThrow(EvaluationRefusedError);
  });
});

describe("an evaluation of the unfinished current year", () => {
  it("is allowed and marked partial up to today, with a warning among the plan's notes", () => {
    const plan = planEvaluation(evaluationWorkbook(), { year: 2025, today: JUNE_2025 + 0.75 });
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(plan.notes[0]).toBe(
      "El año 2025 aún no termina: la evaluación es parcial, con los DOs y las no conformidades hasta el 2025-06-27; vuelva a generarla al cerrar el año.",
    );
    const result = evaluateWorkbook(evaluationWorkbook(), 2025, JUNE_2025 + 0.75);
    expect(result.partialThrough).toBe(JUNE_2025);
    expect(partialLabel(result.partialThrough)).toBe("(parcial, al 2025-06-27)");
  });

  it("is not partial once the year has ended", () => {
    expect(computeEvaluation(fixtureModel(), 2025, undefined, JAN_2026).partialThrough).toBeNull();
    expect(partialLabel(null)).toBeNull();
    const plan = planEvaluation(evaluationWorkbook(), { year: 2025, today: JAN_2026 });
    expect(plan.notes.join(" ")).not.toMatch(/parcial/);
  });
});

describe("the title of a partial evaluation", () => {
  const title = (snapshot: ReturnType<typeof evaluationWorkbook>) => cellAt(snapshot, "Evaluación 2025", "A1");

  it("says «(parcial, al …)» while the year runs, and drops it when regenerated after the year ends", () => {
    const workbook = evaluationWorkbook();
    const partial = applyPlanToSnapshot(workbook, planEvaluation(workbook, { year: 2025, today: JUNE_2025 }));
    expect(title(partial)).toBe("Evaluación de desempeño de socios comerciales — 2025 (parcial, al 2025-06-27)");
    const later = applyPlanToSnapshot(partial, planEvaluation(partial, { year: 2025, today: serial(2025, 9, 30) }));
    expect(title(later)).toBe("Evaluación de desempeño de socios comerciales — 2025 (parcial, al 2025-09-30)");
    const closed = applyPlanToSnapshot(later, planEvaluation(later, { year: 2025, today: JAN_2026 }));
    expect(title(closed)).toBe("Evaluación de desempeño de socios comerciales — 2025");
  });

  it("is not partial for a finished year, and a title the user retyped is kept", () => {
    const workbook = evaluationWorkbook();
    const complete = applyPlanToSnapshot(workbook, planEvaluation(workbook, { year: 2025, today: JAN_2026 }));
    expect(title(complete)).toBe("Evaluación de desempeño de socios comerciales — 2025");
    const retyped = applyPlanToSnapshot(complete, {
      steps: [{ kind: "writeCells", sheet: "Evaluación 2025", cells: [{ row: 0, col: 0, value: "Evaluación 2025 — Gerencia", expected: "Evaluación de desempeño de socios comerciales — 2025" }] }],
      notes: [],
    });
    const again = planEvaluation(retyped, { year: 2025, today: serial(2026, 2, 1) });
    expect(title(applyPlanToSnapshot(retyped, again))).toBe("Evaluación 2025 — Gerencia");
  });
});
