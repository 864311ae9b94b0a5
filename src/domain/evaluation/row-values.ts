import type { CellValue } from "../workbook/snapshot";
import type { AllianceEvaluation } from "./compute-evaluation";
import { NO_OPERATIONS, PENDING } from "./evaluation-formulas";
import type { BandSource } from "./parameter-sources";
import type { PreviousEvaluation } from "./history";
import { changeOf, previousResultOf } from "./history";
import type { EvaluationColumnKey } from "./sheet-layout";

const fraction = (pct: number | null): number | null => (pct === null ? null : pct / 100);

/** The value a measured (refreshed) column shows for an alliance; percentages as fractions under a % format. */
export function measuredValue(key: EvaluationColumnKey, a: AllianceEvaluation): CellValue {
  switch (key) {
    case "alliance":
      return a.alliance;
    case "cities":
      return a.cities.join("; ");
    case "status":
      return a.status;
    case "operations":
      return a.operations;
    case "measured":
      return a.measured;
    case "onTime":
      return a.onTime;
    case "onTimePct":
      return fraction(a.onTimePct);
    case "avgServiceDays":
      return a.avgServiceDays;
    case "nonconformities":
      return a.nonconformities;
    case "ncPer100":
      return a.ncPer100;
    case "complaints":
      return a.complaints;
    case "closedEffectivePct":
      return fraction(a.closedEffectivePct);
    case "c1":
    case "c2":
    case "c3":
      return a.scores[key];
    default:
      return null;
  }
}

/** The previous year's Puntaje or Calificación of an alliance, as `Evaluación AAAA-1` shows it. */
export function historyValue(key: EvaluationColumnKey, previous: PreviousEvaluation | null, a: AllianceEvaluation): CellValue {
  const result = previousResultOf(previous, a.alliance);
  if (key === "previousScore") return result?.score ?? null;
  if (key === "previousRating") return result?.rating ?? (previous ? "Sin evaluación" : null);
  return null;
}

/** What the row's live formulas compute (cached by file mode; compared on regeneration). */
export function formulaResult(
  key: EvaluationColumnKey,
  a: AllianceEvaluation,
  bands: BandSource,
  previous: PreviousEvaluation | null,
): CellValue {
  const rating = a.operations === 0 ? NO_OPERATIONS : (a.rating ?? PENDING);
  switch (key) {
    case "score":
      return a.score ?? "";
    case "rating":
      return rating;
    case "decision":
      return a.rating === null ? "" : bands.decisions[a.rating];
    case "change":
      return changeOf(a.score, previousResultOf(previous, a.alliance)?.score ?? null);
    default:
      return null;
  }
}

/** Cell contents compared as a user sees them: "" and empty alike, numbers to 1e-9. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}
