import { ExcelMessages } from "./messages";

/** Optional Excel API sets the adapter uses, with what the user loses when the set is missing. */
export const OPTIONAL_FEATURES = {
  conditionalFormat: { version: "1.6", what: ExcelMessages.features.conditionalFormat },
  freezePanes: { version: "1.7", what: ExcelMessages.features.freezePanes },
  namedFormula: { version: "1.7", what: ExcelMessages.features.namedFormula },
  chartAxis: { version: "1.7", what: ExcelMessages.features.chartAxis },
  dataValidation: { version: "1.8", what: ExcelMessages.features.dataValidation },
  pageLayout: { version: "1.9", what: ExcelMessages.features.pageLayout },
  // Worksheet.copy: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-7-requirement-set
  copySheet: { version: "1.7", what: ExcelMessages.features.copySheet },
  resizeTable: { version: "1.13", what: ExcelMessages.features.resizeTable },
} as const;

export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

/** True when the running Excel supports the feature's API set (outside Office, e.g. in tests without Office, true). */
export function isFeatureSupported(feature: OptionalFeature): boolean {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  if (!requirements) return true;
  return requirements.isSetSupported("ExcelApi", OPTIONAL_FEATURES[feature].version);
}

/** Spanish message for a missing API set: what was skipped and what to do. */
export function missingFeatureMessage(feature: OptionalFeature): string {
  const { version, what } = OPTIONAL_FEATURES[feature];
  return ExcelMessages.featureSkipped(what, version);
}
