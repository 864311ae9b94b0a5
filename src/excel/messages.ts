/**
 * The wording of what the Office.js adapter tells the user: failed actions, missing API sets, cells that
 * changed under a plan, progress. One catalogue, one wording per idea.
 */

/** "Su versión de Excel no admite X (ExcelApi 1.8)": the lead of every message about a missing API set. */
function unsupported(what: string, version: string): string {
  return `Su versión de Excel no admite ${what} (ExcelApi ${version})`;
}

export const ExcelMessages = {
  unsupported,
  /** What the user loses when an optional API set is missing, as the messages say it. */
  features: {
    conditionalFormat: "los formatos condicionales",
    freezePanes: "inmovilizar la fila de encabezados",
    namedFormula: "actualizar nombres definidos",
    chartAxis: "los rótulos del gráfico",
    dataValidation: "las listas desplegables de validación",
    pageLayout: "la configuración de impresión (orientación, ajuste a una página de ancho, títulos, encabezado y pie de página)",
    copySheet: "copiar una hoja como respaldo",
    resizeTable: "ampliar una tabla existente",
  },
  /** An optional step skipped: what the user loses and what to do. */
  featureSkipped: (what: string, version: string): string => `${unsupported(what, version)}; se omitió ese paso. Actualice Excel o use Excel en la Web para obtenerlo.`,
  /** The self-check skips a feature the running Excel lacks. */
  featureOmittedInDiagnostics: (what: string, version: string): string => `${unsupported(what, version)}: el complemento omite ese paso.`,
  backupImpossible: (what: string, version: string): string =>
    `${unsupported(what, version)}, y el complemento guarda una copia de respaldo antes de reestructurar una hoja. ` +
    "Actualice Excel o use Excel en la Web, o haga usted una copia de la hoja y vuelva a intentarlo.",
  tableNotResized: (what: string, version: string, table: string, sheet: string): string =>
    `${unsupported(what, version)}: las filas nuevas se escribieron ` +
    `justo debajo de la tabla ${table} (hoja «${sheet}»), que Excel suele ampliar sola. Compruebe que quedaron dentro de la tabla.`,
  onSheet: (message: string, sheet: string): string => `${message} (hoja «${sheet}»)`,

  // Cells and tables that changed since the workbook was read.
  appendCellChanged: (where: string): string =>
    `La celda ${where}, donde iba una fila nueva de la tabla, cambió desde que se leyó el libro; no se escribió nada. Revise esa fila y vuelva a intentarlo.`,
  cellChanged: (where: string): string => `La celda ${where} cambió desde que se leyó; no se sobrescribió.`,
  tableChanged: (table: string, sheet: string): string =>
    `La tabla ${table} (hoja «${sheet}») cambió desde que se leyó el libro: alguien agregó, quitó u ordenó filas. ` +
    "No se escribió nada; vuelva a intentarlo para trabajar sobre el libro actual.",
  /** `before` is the cell's earlier content, null when it was empty. */
  columnFormulaFilled: (where: string, before: string | null): string =>
    `Excel rellenó la celda ${where} con la fórmula de la columna aunque el complemento no la escribió (antes estaba ${before === null ? "vacía" : `«${before}»`}); ` +
    "revísela y, si hace falta, escriba de nuevo su valor.",

  // A failed action: «No se pudo <doing>. <advice> (Detalle de Excel: …)».
  actionFailed: (doing: string, advice: string, detail: string): string => `No se pudo ${doing}. ${advice} (Detalle de Excel: ${detail})`,
  /** What to do about each Office.js error code (Excel.ErrorCodes) a coordinator can act on. */
  advice: {
    InvalidOperationInCellEditMode: "Termine de editar la celda (Enter o Esc) y vuelva a intentarlo.",
    AccessDenied: "El libro o la hoja están protegidos o son de solo lectura: desprotéjalos o guarde una copia editable.",
    ItemNotFound: "Falta una hoja o tabla que el complemento esperaba: use «Preparar cuadro» y vuelva a intentarlo.",
    ItemAlreadyExists: "Ya existe una hoja, tabla o nombre con ese nombre: cámbielo o bórrelo y vuelva a intentarlo.",
    RequestPayloadSizeLimitExceeded: "El cambio es demasiado grande para Excel en la Web: divídalo o use Excel de escritorio.",
    ResponsePayloadSizeLimitExceeded: "El libro es demasiado grande para leerlo de una vez en Excel en la Web: use Excel de escritorio.",
    InsertDeleteConflict:
      "Excel no pudo insertar o eliminar celdas porque chocan con otra tabla, un filtro o celdas combinadas: quite el filtro o deje libres las filas bajo la tabla y vuelva a intentarlo.",
    RangeExceedsLimit: "El rango es demasiado grande para una sola operación de Excel: filtre o divida los datos, o use Excel de escritorio.",
    Conflict: "Otra persona está editando el libro: espere un momento y vuelva a intentarlo.",
  } as Readonly<Record<string, string>>,
  adviceOtherwise: "Vuelva a intentarlo; si el error sigue, guarde el libro, ciérrelo y ábralo de nuevo.",
  /** What each action does, as the failure says it: «No se pudo preparar el cuadro». */
  doing: {
    prepare: "preparar el cuadro",
    loadSample: "cargar los datos de ejemplo",
    validate: "validar el cuadro",
    select: (address: string, sheet: string): string => `seleccionar la celda ${address} de la hoja ${sheet}`,
    registerNc: "registrar la no conformidad",
    readSelection: "leer la fila seleccionada",
    summarize: "calcular el resumen",
    findBroken: "buscar fórmulas con #NAME?",
    repair: "reparar las fórmulas",
    previewEvaluation: (year: number): string => `preparar la vista previa de la evaluación ${year}`,
    generateEvaluation: (year: number): string => `generar la evaluación ${year}`,
    followUp: "calcular el seguimiento",
    generateIndicators: (year: number): string => `generar los indicadores ${year}`,
    diagnose: "ejecutar el diagnóstico",
  },
  invalidInputDate: (text: string, field: string): string => `La fecha «${text}» de «${field}» no es válida: escriba una fecha que exista, como AAAA-MM-DD.`,

  // The status date (ADUANA_HOY), refreshed when the pane opens.
  statusDateNotRefreshed: (name: string): string =>
    `No se pudo actualizar la fecha de estado (nombre ${name}, fila «Hoy» de la hoja Parámetros): ` +
    "los «Estado ANS» siguen calculados a la fecha que muestra esa celda. Escriba allí la fecha de hoy, o use «Preparar cuadro».",
  statusDateUnsupported: (notice: string, version: string): string => `${notice} (${unsupported("leer el nombre de la fecha de estado", version)}.)`,

  // Progress and the ribbon.
  /** "Leyendo filas 40.000 de 100.000…". */
  progress: (what: string, done: string, total: string): string => `${what} ${done} de ${total}…`,
  progressReading: "Leyendo filas",
  progressWriting: "Escribiendo en el libro: parte",
  progressVerifying: "Verificando filas",
  generatingEvaluation: (year: number): string => `Generando la evaluación ${year}…`,
  sheetGenerated: (sheet: string): string => `Se generó la hoja «${sheet}».`,
  tempSheetNotDeleted: (detail: string, sheet: string): string => `${detail}. Borre a mano la hoja «${sheet}».`,
  statusDateLog: "Fecha de estado no actualizada",

  /** The self-check («Diagnóstico»): the features it tries, what it reads back, and its report for support. */
  diagnostics: {
    checks: {
      sheet: "Crear una hoja y escribir valores",
      table: "Crear una tabla",
      renameTable: "Cambiar el nombre de una tabla",
      growTable: "Ampliar una tabla escribiendo debajo (sin insertar filas)",
      resizeTable: "Ampliar una tabla con resize",
      validation: "Lista desplegable de validación",
      numberFormat: "Formato de número",
      conditionalFormat: "Formato condicional",
      copySheet: "Copiar una hoja (respaldo)",
      namedFormula: "Nombre definido (cambiar su fórmula)",
      freezePanes: "Inmovilizar la fila de encabezados",
      chart: "Gráfico",
      aduana: "Fórmulas con funciones ADUANA",
      cleanUp: "Borrar la hoja temporal",
    },
    readBack: {
      values: "Valores A1:C3",
      tableName: "Nombre de la tabla",
      tableRows: "Filas de la tabla (con encabezado)",
      validationType: "Tipo de validación",
      numberFormat: "Formato de B2:B3",
      conditionalFormats: "Formatos condicionales de C2:C4",
      copyTables: "Tablas de la copia",
      frozenRows: "Filas inmovilizadas",
      charts: "Gráficos de la hoja",
    },
    mismatch: (what: string, expected: string, actual: string): string => `${what}: se esperaba ${expected} y Excel devolvió ${actual}`,
    tableWithoutName: "La tabla nueva no tiene nombre",
    renamedTableMissing: (table: string): string => `No se encontró la tabla ${table} después de cambiarle el nombre`,
    copyName: (name: string): string => `La copia se llama «${name}»`,
    nameFormula: (name: string, formula: string): string => `El nombre ${name} quedó como ${formula}`,
    noFrozenRow: "No quedó ninguna fila inmovilizada",
    wrongResult: (formula: string, actual: string, expected: string): string => `${formula} devolvió ${actual} en vez de ${expected}`,
    reportTitle: "Control de Alianzas — Diagnóstico de Excel",
    reportDate: (when: string): string => `Fecha: ${when}`,
    reportPlatform: (platform: string): string => `Plataforma: ${platform}`,
    reportVersion: (version: string): string => `Versión de Excel: ${version}`,
    reportRequirementSets: "Conjuntos de requisitos:",
    reportFeatures: "Funciones de Excel:",
    reportAllWork: "Resultado: todo funciona.",
    reportFailures: (count: number): string => `Resultado: ${count} ${count === 1 ? "falla" : "fallas"}.`,
  },
} as const;
