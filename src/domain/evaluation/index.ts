export type { Rating, RatingBands } from "./rating";
export { DEFAULT_RATING_BANDS, decisionForRating, ratingForScore } from "./rating";
export type { CriterionScore } from "./criteria-scores";
export { ncManagementScore, qualityScore, timelinessScore } from "./criteria-scores";
export type {
  AllianceEvaluation,
  CriterionScores,
  EvaluationResult,
  ManualInputs,
  ManualInputsByAlliance,
} from "./compute-evaluation";
export { computeEvaluation, weightedScore } from "./compute-evaluation";
export type { EvaluationJson } from "./evaluation-json";
export { evaluationToJson } from "./evaluation-json";
export type { EvaluationPlanOptions } from "./plan-evaluation";
export { evaluateWorkbook, planEvaluation } from "./plan-evaluation";
export { readEvaluationInputs } from "./evaluation-sheet";
export { lastCompleteYear } from "./last-complete-year";
export {
  EvaluationRefusedError,
  assertEvaluable,
  evaluationRefusal,
  partialLabel,
  partialThrough,
  partialWarning,
} from "./evaluation-period";
export { chartName as evaluationChartName } from "./plan-new-sheet";
export {
  EVALUATION_COLUMNS,
  RETIRED_STATUS,
  evaluationSheetName,
  evaluationTableName,
  evaluationTitle,
} from "./sheet-layout";
export { printedEvaluationSheets } from "./printed-sheets";
