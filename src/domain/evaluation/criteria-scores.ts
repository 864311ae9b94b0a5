/** Criterion scores 1–5 of SPEC §3, from the measured figures (percentages are 0–100). */
export type CriterionScore = 1 | 2 | 3 | 4 | 5;

/**
 * C1 Oportunidad (ANS): % cumplimiento ANS ≥95 / ≥90 / ≥85 / ≥75 / <75.
 * @example timelinessScore(94.99) // 4
 */
export function timelinessScore(onTimePct: number): CriterionScore {
  if (onTimePct >= 95) return 5;
  if (onTimePct >= 90) return 4;
  if (onTimePct >= 85) return 3;
  if (onTimePct >= 75) return 2;
  return 1;
}

/**
 * C2 Calidad: NC por cada 100 DO 0 / ≤1 / ≤2 / ≤4 / >4.
 * @example qualityScore(1) // 4
 */
export function qualityScore(ncPer100: number): CriterionScore {
  if (ncPer100 <= 0) return 5;
  if (ncPer100 <= 1) return 4;
  if (ncPer100 <= 2) return 3;
  if (ncPer100 <= 4) return 2;
  return 1;
}

/**
 * C3 Gestión de NC: % NC cerradas eficaces ≥90 / ≥75 / ≥60 / ≥40 / <40; an alliance without NC scores 5.
 * @example ncManagementScore(null) // 5
 */
export function ncManagementScore(closedEffectivePct: number | null): CriterionScore {
  if (closedEffectivePct === null || closedEffectivePct >= 90) return 5;
  if (closedEffectivePct >= 75) return 4;
  if (closedEffectivePct >= 60) return 3;
  if (closedEffectivePct >= 40) return 2;
  return 1;
}
