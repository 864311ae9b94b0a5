import type { EvaluationResult } from "./compute-evaluation";

/** The `control-alianzas evaluar --json` shape other tools parse, so it stays fixed; null where a figure is not computable. */
export interface EvaluationJson {
  year: number;
  alliances: {
    alliance: string;
    operations: number;
    measured: number;
    onTime: number;
    onTimePct: number | null;
    avgServiceDays: number | null;
    nonconformities: number;
    ncPer100: number | null;
    complaints: number;
    closedEffectivePct: number | null;
    scores: { c1: number | null; c2: number | null; c3: number | null; c4: number | null; c5: number | null };
    score: number | null;
    rating: string | null;
  }[];
}

/** Plain JSON-ready object (percentages 0–100, unrounded so that a reader can check them exactly). */
export function evaluationToJson(result: EvaluationResult): EvaluationJson {
  return {
    year: result.year,
    alliances: result.alliances.map((a) => ({
      alliance: a.alliance,
      operations: a.operations,
      measured: a.measured,
      onTime: a.onTime,
      onTimePct: a.onTimePct,
      avgServiceDays: a.avgServiceDays,
      nonconformities: a.nonconformities,
      ncPer100: a.ncPer100,
      complaints: a.complaints,
      closedEffectivePct: a.closedEffectivePct,
      scores: { ...a.scores },
      score: a.score,
      rating: a.rating,
    })),
  };
}
