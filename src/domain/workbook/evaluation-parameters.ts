import { looseTextKey } from "./cell-reading";
import type { EvaluationWeights, RatingBandsSetting } from "./model";
import type { CellValue } from "./snapshot";

export type CriterionKey = keyof EvaluationWeights;
export const CRITERIA: readonly CriterionKey[] = ["c1", "c2", "c3", "c4", "c5"];

/** A data row of tblPesosEvaluacion, blank rows included (INDEX counts them). */
export interface WeightRow {
  readonly criterion: CellValue;
  readonly weight: CellValue;
}

/**
 * The weights as the Evaluación sheet's Puntaje formula takes them, `INDEX(tblPesosEvaluacion[Peso],n)`: the row whose
 * Criterio starts with "C1"… (else the row at that position) and its Peso as typed — Puntaje divides by their total,
 * so 35 and 0.35 weigh alike as long as all are typed the same way. `missing` names the first criterion without a
 * numeric weight (the sheet then uses the default weights for all five).
 */
export type WeightsReading =
  | { readonly kind: "read"; readonly values: EvaluationWeights; readonly rowIndex: Readonly<Record<CriterionKey, number>> }
  | { readonly kind: "missing"; readonly criterion: CriterionKey };

export function readEvaluationWeights(rows: readonly WeightRow[]): WeightsReading {
  const keys = rows.map((row) => looseTextKey(row.criterion === null ? "" : String(row.criterion)));
  const values = {} as EvaluationWeights;
  const rowIndex = {} as Record<CriterionKey, number>;
  for (const [position, criterion] of CRITERIA.entries()) {
    const named = keys.findIndex((key) => new RegExp(`^${criterion}\\b`).test(key));
    const index = named >= 0 ? named : position;
    const weight = rows[index]?.weight;
    if (typeof weight !== "number" || !Number.isFinite(weight)) return { kind: "missing", criterion };
    values[criterion] = weight;
    rowIndex[criterion] = index;
  }
  return { kind: "read", values, rowIndex };
}

/**
 * The total of the weights as a percentage: weights typed as fractions (0.35, or 35 % in a percent cell) add up ×100,
 * weights typed as whole percentages (35) as they are. A mix counts as whole percentages, as Puntaje weighs them:
 * 35 and 0.25 side by side give the 0.25 almost no weight, so the total is not 100 % and validation says so.
 */
export function weightsTotalPercent(weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.some((weight) => weight > 1) ? total : total * 100;
}

/** Weights adding up to 100 %, within half a point. */
export function weightsAddUpTo100(weights: readonly number[]): boolean {
  return Math.abs(weightsTotalPercent(weights) - 100) <= 0.5;
}

/** A data row of tblBandasCalificacion, blank rows included (INDEX counts them). */
export interface RatingBandRow {
  readonly rating: CellValue;
  readonly minimum: CellValue;
}

type BandKey = keyof RatingBandsSetting;
const BAND_RATINGS: Readonly<Record<BandKey, string>> = { excellent: "Excelente", good: "Bueno", acceptable: "Aceptable" };

/**
 * The rating bands as Calificación takes them, `INDEX(tblBandasCalificacion[Puntaje mínimo],n)` of the rows named
 * Excelente, Bueno and Aceptable — or null when one of the three lacks a numeric minimum (the sheet then uses SPEC's
 * minimums for all three).
 */
export function readRatingBandMinimums(
  rows: readonly RatingBandRow[],
): { readonly bands: RatingBandsSetting; readonly rowIndex: Readonly<Record<BandKey, number>> } | null {
  const keys = rows.map((row) => looseTextKey(row.rating === null ? "" : String(row.rating)));
  const bands = {} as RatingBandsSetting;
  const rowIndex = {} as Record<BandKey, number>;
  for (const band of Object.keys(BAND_RATINGS) as BandKey[]) {
    const index = keys.indexOf(looseTextKey(BAND_RATINGS[band]));
    const minimum = index < 0 ? undefined : rows[index]?.minimum;
    if (typeof minimum !== "number" || !Number.isFinite(minimum)) return null;
    bands[band] = minimum;
    rowIndex[band] = index;
  }
  return { bands, rowIndex };
}
