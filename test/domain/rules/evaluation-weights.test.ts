import { weightedScore } from "../../../src/domain/evaluation/compute-evaluation";
import type { CriterionScores } from "../../../src/domain/evaluation/compute-evaluation";
import { readBandSource, readWeightSource } from "../../../src/domain/evaluation/parameter-sources";
import { validateWorkbook } from "../../../src/domain/validation";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import { evaluationWorkbook } from "../evaluation/evaluation-workbook";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";
import type { CellPatch } from "../validation/clean-workbook";

/** tblPesosEvaluacion[Peso] is E2:E6 of Parámetros. */
const weightsTyped = (c1: number, c2: number, c3: number, c4: number, c5: number): CellPatch[] =>
  [c1, c2, c3, c4, c5].map((value, i) => ({ sheet: "Parámetros", cell: `E${i + 2}`, value }));
const SCORES: CriterionScores = { c1: 5, c2: 1, c3: 1, c4: 1, c5: 1 };

describe("evaluation weights: read as the sheet's Puntaje formula reads them, in every surface", () => {
  it("weights typed as whole percentages: the same Puntaje as 35 %, no finding, no note", () => {
    const snapshot = cleanWorkbook(weightsTyped(35, 25, 15, 15, 10));
    const model = readWorkbookModel(snapshot);
    // (5×35 + 1×25 + 1×15 + 1×15 + 1×10) / 100 / 5 × 100 = 48.
    expect(weightedScore(SCORES, model.parameters.weights)).toBe(48);
    expect(validateWorkbook(snapshot, { today: TODAY }).findings).toEqual([]);
    expect(readWeightSource(snapshot).notes).toEqual([]);
  });

  it("weights typed two ways: Puntaje weighs 0.25 against 35, and Validar and the evaluation say the total is not 100 %", () => {
    const snapshot = cleanWorkbook(weightsTyped(35, 0.25, 15, 15, 10));
    const model = readWorkbookModel(snapshot);
    // The sheet: ROUND((5×35 + 1×0.25 + 1×15 + 1×15 + 1×10) / 75.25 / 5 × 100, 2) = 57.21.
    expect(weightedScore(SCORES, model.parameters.weights)).toBe(57.21);
    expect(weightedScore(SCORES, readWeightSource(snapshot).values)).toBe(57.21);
    const findings = validateWorkbook(snapshot, { today: TODAY }).findings;
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["valor-no-permitido", "Parámetros", "E2"]]);
    expect(findings[0]?.message).toContain("suman 75.3 %");
    expect(readWeightSource(snapshot).notes.join(" ")).toContain("suman 75.3 %");
  });

  it("a criterion without a numeric weight: the sheet uses the default weights for all five, and so does the model", () => {
    const snapshot = cleanWorkbook([...weightsTyped(50, 20, 10, 10, 10), { sheet: "Parámetros", cell: "E4", value: null }]);
    expect(readWorkbookModel(snapshot).parameters.weights).toEqual(readWeightSource(snapshot).values);
    expect(readWeightSource(snapshot).values).toEqual({ c1: 0.35, c2: 0.25, c3: 0.15, c4: 0.15, c5: 0.1 });
  });
});

describe("rating bands: read as the sheet's Calificación reads them", () => {
  it("takes the three minimums typed in Parámetros, in the model as in the sheet's formula", () => {
    const snapshot = evaluationWorkbook({ bandMinimums: [95, 80, 65, 0] });
    expect(readWorkbookModel(snapshot).parameters.bands).toEqual({ excellent: 95, good: 80, acceptable: 65 });
    expect(readBandSource(snapshot).bands).toEqual({ excellent: 95, good: 80, acceptable: 65 });
  });

  it("with one minimum not a number, uses SPEC's three minimums, in the model as in the sheet's formula", () => {
    const snapshot = evaluationWorkbook({ bandMinimums: [95, Number.NaN, 65, 0] });
    expect(readBandSource(snapshot).minimumTerms).toBeNull();
    expect(readWorkbookModel(snapshot).parameters.bands).toEqual({ excellent: 90, good: 75, acceptable: 60 });
  });
});
