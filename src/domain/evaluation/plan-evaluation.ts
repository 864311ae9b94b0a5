import type { Plan } from "../workbook/plan";
import { readWorkbookModel } from "../workbook";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { computeEvaluation } from "./compute-evaluation";
import { readEvaluationSheet, sheetInputs } from "./evaluation-sheet";
import type { FormulaContext } from "./evaluation-formulas";
import { readBandSource, readWeightSource } from "./parameter-sources";
import { planNewSheet } from "./plan-new-sheet";
import { planRefresh } from "./plan-refresh";
import { columnByKey } from "./sheet-layout";

export interface EvaluationPlanOptions {
  year: number;
  /** Today as an Excel serial: the sheet's "Generada el" / "Cifras actualizadas el" date. */
  today: number;
}

/**
 * "Generar evaluación" (SPEC §3): builds `Evaluación AAAA`, or refreshes it keeping what the evaluator typed.
 * Planning again against the applied result yields a plan without steps.
 */
export function planEvaluation(snapshot: WorkbookSnapshot, options: EvaluationPlanOptions): Plan {
  const { year, today } = options;
  const model = readWorkbookModel(snapshot);
  const existing = readEvaluationSheet(snapshot, year);
  if (model.alliances.length === 0 && !existing) {
    return { steps: [], notes: ["No hay aliados en tblAlianzas: registre las alianzas antes de generar la evaluación."] };
  }
  const weights = readWeightSource(snapshot);
  const bands = readBandSource(snapshot);
  const manual = existing ? sheetInputs(existing) : undefined;
  // Score and rating with the very weights and bands the formulas reference, so cached results match Excel.
  const result = computeEvaluation(
    { ...model, parameters: { ...model.parameters, weights: weights.values, bands: bands.bands } },
    year,
    manual,
  );
  const formulas: FormulaContext = {
    header: (key) => existing?.headers.get(key) ?? columnByKey(key).header,
    weights,
    bands,
  };
  const context = { year, today, result, formulas, bands };
  const plan = existing ? planRefresh(existing, context) : planNewSheet(context);
  const paramNotes = plan.steps.length > 0 || !existing ? weights.notes : [];
  return { steps: plan.steps, notes: [...plan.notes, ...paramNotes] };
}
