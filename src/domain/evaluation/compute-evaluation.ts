import { CalendarRangeError, isSupportedYear } from "../calendar";
import type { AllianceRecord, NonconformityRecord, OperationRecord, WorkbookModel } from "../workbook/model";
import { allianceKey } from "../workbook/alliance-lookup";
import { findOperation } from "../workbook/operation-lookup";
import { measuredServiceDays, targetFor } from "../workbook/service-level";
import type { CriterionScore } from "./criteria-scores";
import { ncManagementScore, qualityScore, timelinessScore } from "./criteria-scores";
import { inYear, partialThrough, unsupportedYearMessage } from "./evaluation-period";
import { roundLikeExcel } from "./excel-round";
import type { Rating } from "./rating";
import { decisionForRating, ratingForScore } from "./rating";
import { sameText } from "./text-key";

/** What the evaluator typed for one alliance in `Evaluación AAAA` (C4, C5 should be whole numbers 1–5). */
export interface ManualInputs {
  c4?: number;
  c5?: number;
  /** Criterio excluyente = Sí. */
  excluding?: boolean;
  notes?: string;
  improvementPlan?: string;
}

/** Manual inputs by alliance name as typed; names are matched ignoring case, accents and spaces. */
export type ManualInputsByAlliance = ReadonlyMap<string, ManualInputs>;

export interface CriterionScores {
  c1: CriterionScore | null;
  c2: CriterionScore | null;
  c3: CriterionScore | null;
  c4: number | null;
  c5: number | null;
}

/** One alliance's row of the annual evaluation. Percentages are 0–100; null = not computable. */
export interface AllianceEvaluation {
  alliance: string;
  cities: string[];
  /** Estado in tblAlianzas (Activo, Condicionado…). */
  status: string;
  /** DOs atendidos: Fecha apertura DO in the year. */
  operations: number;
  /** DOs medidos: with a service time (start and levante filled, levante not before start). */
  measured: number;
  /** DOs a tiempo: measured and Tiempo servicio ≤ Meta ANS. */
  onTime: number;
  /** Measured DOs whose Tipo or alliance has no Meta ANS: they cannot count as on time. */
  withoutTarget: number;
  onTimePct: number | null;
  avgServiceDays: number | null;
  /** NC atribuibles: Fecha in the year, linked to the alliance (Aliado, or the DO's alliance), not Anulada. */
  nonconformities: number;
  ncPer100: number | null;
  /** Reclamos y quejas: attributable NCs of Tipo `Reclamo cliente` or `Queja` (both are the client's voice, ISO 10002). */
  complaints: number;
  /** Attributable NCs Cerrada with Eficaz = Sí, over all attributable NCs. */
  closedEffectivePct: number | null;
  scores: CriterionScores;
  excluding: boolean;
  /** Puntaje 0–100, rounded to 2 decimals like the sheet's ROUND; null without operations or until C4 and C5 are given. */
  score: number | null;
  /** Null without operations, or while the score is pending and no criterio excluyente is set. */
  rating: Rating | null;
  decision: string | null;
}

export interface EvaluationResult {
  year: number;
  /**
   * Set when `year` had not ended on the day of the evaluation: the serial of that day, up to which the DOs and NCs
   * count. The sheet title then says `partialLabel(partialThrough)`, e.g. "(parcial, al 2026-06-27)".
   */
  partialThrough: number | null;
  alliances: AllianceEvaluation[];
}

const COMPLAINT_TYPES = ["Reclamo cliente", "Queja"];

/** A typed score counts as the sheet's COUNT counts it: any number (the sheet's validation keeps them to 1–5). */
function manualScore(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Service days, or null when the dates are outside the holiday calendar (validation reports those dates). */
function safeServiceDays(op: OperationRecord, alliance: AllianceRecord, extraHolidays: readonly number[]): number | null {
  try {
    return measuredServiceDays(op, alliance, extraHolidays);
  } catch (error) {
    if (error instanceof CalendarRangeError) return null;
    throw error;
  }
}

/**
 * Alliance key each NC is charged to: its own Aliado, else the alliance of its DO — the DO found as MATCH finds it
 * (case only), as validation does; a DO it does not find charges nobody (validation suggests the DO meant).
 */
function ncAllianceKey(nc: NonconformityRecord, operations: readonly OperationRecord[]): string | null {
  if (nc.alliance.trim() !== "") return allianceKey(nc.alliance);
  const op = findOperation(operations, nc.do);
  return op && op.alliance.trim() !== "" ? allianceKey(op.alliance) : null;
}

function findManual(manual: ManualInputsByAlliance | undefined, alliance: string): ManualInputs {
  if (!manual) return {};
  for (const [name, inputs] of manual) if (sameText(name, alliance)) return inputs;
  return {};
}

/**
 * The annual evaluation of SPEC §3: one entry per alliance of tblAlianzas (in its order), from the DOs
 * opened in `year` and the non-conformities dated in `year`; C4, C5 and the criterio excluyente come from
 * what the evaluator typed (`manual`). Weights and bands come from the model's Parámetros. `today` (a serial)
 * marks the result partial when `year` has not ended.
 */
export function computeEvaluation(
  model: WorkbookModel,
  year: number,
  manual?: ManualInputsByAlliance,
  today?: number,
): EvaluationResult {
  if (!isSupportedYear(year)) throw new RangeError(unsupportedYearMessage(year));
  const yearOperations = model.operations.filter((op) => inYear(op.opened, year));
  const yearNonconformities = model.nonconformities.filter(
    (nc) => inYear(nc.date, year) && !sameText(nc.status, "Anulada"),
  );
  const { weights, bands } = model.parameters;

  const alliances = model.alliances.map((alliance): AllianceEvaluation => {
    const key = allianceKey(alliance.name);
    const operations = yearOperations.filter((op) => allianceKey(op.alliance) === key);
    let measured = 0;
    let onTime = 0;
    let withoutTarget = 0;
    let totalDays = 0;
    for (const op of operations) {
      const days = safeServiceDays(op, alliance, model.extraHolidays);
      if (days === null) continue;
      measured++;
      totalDays += days;
      const target = targetFor(op, alliance);
      if (target === null) withoutTarget++;
      else if (days <= target) onTime++;
    }
    const ncs = yearNonconformities.filter((nc) => ncAllianceKey(nc, model.operations) === key);
    const complaints = ncs.filter((nc) => COMPLAINT_TYPES.some((type) => sameText(nc.type, type))).length;
    const closedEffective = ncs.filter((nc) => sameText(nc.status, "Cerrada") && sameText(nc.effective, "Sí")).length;

    const count = operations.length;
    // Integer × 100 / integer is exact when the true percentage is: 19 of 20 gives 95, not 94.999….
    const onTimePct = measured > 0 ? (onTime * 100) / measured : null;
    const ncPer100 = count > 0 ? (ncs.length * 100) / count : null;
    const closedEffectivePct = ncs.length > 0 ? (closedEffective * 100) / ncs.length : null;
    const inputs = findManual(manual, alliance.name);
    const scores: CriterionScores = {
      c1: count > 0 && onTimePct !== null ? timelinessScore(onTimePct) : null,
      c2: ncPer100 !== null ? qualityScore(ncPer100) : null,
      c3: count > 0 ? ncManagementScore(closedEffectivePct) : null,
      c4: manualScore(inputs.c4),
      c5: manualScore(inputs.c5),
    };
    const excluding = inputs.excluding === true;
    const score = count > 0 ? weightedScore(scores, weights) : null;
    let rating: Rating | null = null;
    if (count > 0 && (excluding || score !== null)) rating = ratingForScore(score ?? 0, excluding, bands);
    return {
      alliance: alliance.name,
      cities: alliance.cities,
      status: alliance.status,
      operations: count,
      measured,
      onTime,
      withoutTarget,
      onTimePct,
      avgServiceDays: measured > 0 ? totalDays / measured : null,
      nonconformities: ncs.length,
      ncPer100,
      complaints,
      closedEffectivePct,
      scores,
      excluding,
      score,
      rating,
      decision: rating === null ? null : decisionForRating(rating),
    };
  });
  return { year, partialThrough: partialThrough(year, today), alliances };
}

/**
 * Σ score × weight / Σ weight / 5 × 100, rounded like the sheet's ROUND(…, 2); null until all five scores exist
 * or when the weights add up to nothing.
 */
export function weightedScore(scores: CriterionScores, weights: WorkbookModel["parameters"]["weights"]): number | null {
  const { c1, c2, c3, c4, c5 } = scores;
  if (c1 === null || c2 === null || c3 === null || c4 === null || c5 === null) return null;
  const sum = c1 * weights.c1 + c2 * weights.c2 + c3 * weights.c3 + c4 * weights.c4 + c5 * weights.c5;
  const total = weights.c1 + weights.c2 + weights.c3 + weights.c4 + weights.c5;
  if (total <= 0) return null;
  return roundLikeExcel((sum / total / 5) * 100, 2);
}
