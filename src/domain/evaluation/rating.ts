import { DEFAULT_PARAMETERS } from "../workbook/model";
import { DEFAULT_RATING_BAND_ROWS } from "../workbook/parameters-schema";

export type Rating = "Excelente" | "Bueno" | "Aceptable" | "Deficiente";

/** Lowest score (0–100) of each rating; below `acceptable` is Deficiente. */
export interface RatingBands {
  readonly excellent: number;
  readonly good: number;
  readonly acceptable: number;
}

/** SPEC §3 defaults; the workbook's Parámetros may override them. */
export const DEFAULT_RATING_BANDS: RatingBands = Object.freeze({ ...DEFAULT_PARAMETERS.bands });

/**
 * Rating of an evaluation score; a criterio excluyente forces Deficiente whatever the score.
 * @example ratingForScore(89.99) // "Bueno"
 * @example ratingForScore(95, true) // "Deficiente"
 */
export function ratingForScore(score: number, excluding = false, bands: RatingBands = DEFAULT_RATING_BANDS): Rating {
  if (excluding) return "Deficiente";
  if (score >= bands.excellent) return "Excelente";
  if (score >= bands.good) return "Bueno";
  if (score >= bands.acceptable) return "Aceptable";
  return "Deficiente";
}

/** The decisions tblBandasCalificacion is prepared with: one wording, the parameters' defaults. */
const DECISIONS = Object.fromEntries(DEFAULT_RATING_BAND_ROWS.map(([rating, , decision]) => [rating, decision])) as Readonly<Record<Rating, string>>;

/**
 * The management decision that follows a rating (SPEC §3).
 * @example decisionForRating("Bueno") // "Mantener con seguimiento"
 */
export function decisionForRating(rating: Rating): string {
  return DECISIONS[rating];
}
