import type { Plan } from "../workbook/plan";
import { readWorkbookModel } from "../workbook";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { computeEvaluation } from "./compute-evaluation";
import type { EvaluationResult } from "./compute-evaluation";
import { assertEvaluable, partialWarning } from "./evaluation-period";
import { readEvaluationSheet, sheetInputs } from "./evaluation-sheet";
import type { EvaluationSheet } from "./evaluation-sheet";
import type { FormulaContext } from "./evaluation-formulas";
import { readBandSource, readWeightSource } from "./parameter-sources";
import type { BandSource, WeightSource } from "./parameter-sources";
import { planNewSheet } from "./plan-new-sheet";
import { planRefresh } from "./plan-refresh";
import { readPreviousEvaluation } from "./history";
import type { ManualInputs } from "./compute-evaluation";
import { planFichas } from "./plan-fichas";
import { EvaluationMessages } from "./messages";
import { computeIndicators } from "../indicators/compute-indicators";
import { sameText } from "./text-key";
import { columnByKey, evaluationSheetName } from "./sheet-layout";

export interface EvaluationPlanOptions {
  year: number;
  /** Today as an Excel serial: the sheet's "Generada el" / "Cifras actualizadas el" date. */
  today: number;
}

/**
 * The evaluation exactly as the sheet computes it: the workbook's figures, what the evaluator typed in an
 * existing `Evaluación AAAA`, and the weights and bands the sheet's formulas reference in Parámetros (a weight
 * typed as 35 instead of 35 % counts as the sheet counts it). For the CLI's --json and the pane's preview.
 * With `today` (a serial) a year that cannot be evaluated throws EvaluationRefusedError and the unfinished
 * current year comes back partial.
 */
export function evaluateWorkbook(snapshot: WorkbookSnapshot, year: number, today?: number): EvaluationResult {
  if (today !== undefined) assertEvaluable(readWorkbookModel(snapshot), year, today);
  const existing = readEvaluationSheet(snapshot, year);
  return evaluate(snapshot, year, readWeightSource(snapshot), readBandSource(snapshot), existing, today);
}

function evaluate(
  snapshot: WorkbookSnapshot,
  year: number,
  weights: WeightSource,
  bands: BandSource,
  existing: EvaluationSheet | null,
  today?: number,
): EvaluationResult {
  const model = readWorkbookModel(snapshot);
  const parameters = { ...model.parameters, weights: weights.values, bands: bands.bands };
  return computeEvaluation({ ...model, parameters }, year, existing ? sheetInputs(existing) : undefined, today);
}

/**
 * "Generar evaluación" (SPEC §3): builds `Evaluación AAAA`, or refreshes it keeping what the evaluator typed.
 * Planning again against the applied result yields a plan without steps. Throws EvaluationRefusedError (nothing
 * to write) without alliances, for a year without DOs or not yet begun; the unfinished current year is partial.
 */
export function planEvaluation(snapshot: WorkbookSnapshot, options: EvaluationPlanOptions): Plan {
  const { year, today } = options;
  const model = readWorkbookModel(snapshot);
  const existing = readEvaluationSheet(snapshot, year);
  assertEvaluable(model, year, today);
  const weights = readWeightSource(snapshot);
  const bands = readBandSource(snapshot);
  // Score and rating with the very weights and bands the formulas reference, so cached results match Excel.
  const result = evaluate(snapshot, year, weights, bands, existing, today);
  const formulas: FormulaContext = {
    header: (key) => existing?.headers.get(key) ?? columnByKey(key).header,
    weights,
    bands,
  };
  const previous = readPreviousEvaluation(snapshot, year);
  const context = { year, today, result, formulas, bands, previous };
  const plan = existing ? planRefresh(existing, context) : planNewSheet(context);
  const paramNotes = plan.steps.length > 0 || !existing ? weights.notes : [];
  // Fichas read the evaluation table: none while it is missing or unusable.
  const tableReady = !existing || (existing.table !== null && existing.columns.has("alliance"));
  const inputs = existing ? sheetInputs(existing) : new Map<string, ManualInputs>();
  const fichas = tableReady
    ? planFichas(snapshot, {
        year,
        today,
        alliances: result.alliances,
        weights,
        bands,
        previous,
        inputs: (alliance) => [...inputs].find(([name]) => sameText(name, alliance))?.[1] ?? {},
        header: (key) => (existing ? (existing.headers.get(key) ?? null) : columnByKey(key).header),
        stages: computeIndicators(model, year, today).stages,
      })
    : { steps: [], notes: [] };
  const partial = partialWarning(year, result.partialThrough);
  const calendar = result.unusableExtraHoliday ? [EvaluationMessages.noServiceTime(result.unusableExtraHoliday)] : [];
  const notes = [...(partial ? [partial] : []), ...calendar, ...plan.notes, ...fichas.notes, ...paramNotes];
  const upToDate = notes.findIndex((n) => /ya estaba al día/.test(n));
  if (fichas.steps.length > 0 && upToDate >= 0) notes.splice(upToDate, 1);
  // The evaluation sheet stays the one selected at the end.
  const last = plan.steps.at(-1);
  const steps =
    last?.kind === "activate"
      ? [...plan.steps.slice(0, -1), ...fichas.steps, last]
      : [...plan.steps, ...fichas.steps, ...(fichas.steps.length > 0 ? [{ kind: "activate" as const, sheet: evaluationSheetName(year) }] : [])];
  return { steps, notes };
}
