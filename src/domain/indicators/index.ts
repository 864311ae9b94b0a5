export type { AgeBand, IndicatorsResult, ServiceFigures, StageFigures } from "./compute-indicators";
export { AGE_BANDS, computeIndicators } from "./compute-indicators";
export type { IndicatorsJson } from "./indicators-json";
export { indicatorsToJson } from "./indicators-json";
export { median, percentileInc } from "./percentile";
export type { Stage, StageDays, StageOrTotal } from "./stages";
export { STAGES, STAGE_LABELS, STAGE_SHORT_LABELS, stageDays } from "./stages";
