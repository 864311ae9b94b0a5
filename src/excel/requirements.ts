/** Optional Excel API sets the adapter uses, with what the user loses when the set is missing. */
export const OPTIONAL_FEATURES = {
  conditionalFormat: { version: "1.6", what: "los formatos condicionales" },
  freezePanes: { version: "1.7", what: "inmovilizar la fila de encabezados" },
  namedFormula: { version: "1.7", what: "actualizar nombres definidos" },
  chartAxis: { version: "1.7", what: "los rótulos del gráfico" },
  dataValidation: { version: "1.8", what: "las listas desplegables de validación" },
  pageLayout: { version: "1.9", what: "la configuración de impresión (orientación, ajuste a una página de ancho, títulos, encabezado y pie de página)" },
  // Worksheet.copy: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-7-requirement-set
  copySheet: { version: "1.7", what: "copiar una hoja como respaldo" },
  resizeTable: { version: "1.13", what: "ampliar una tabla existente" },
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
  return (
    `Su versión de Excel no admite ${what} (ExcelApi ${version}); se omitió ese paso. ` +
    "Actualice Excel o use Excel en la Web para obtenerlo."
  );
}
