/**
 * The wording of what `control-alianzas` prints besides its help pages (help-text.ts): usage errors, refusals,
 * the reports of each command and the demo's narration. One catalogue, one wording per idea.
 */
export const CliMessages = {
  // Usage errors (exit 2, followed by the command's help).
  unknownCommand: (name: string): string => `Comando desconocido: «${name}».`,
  optionTakesNoValue: (name: string): string => `La opción --${name} no lleva valor.`,
  optionValueMissing: (name: string): string => `Falta el valor de la opción --${name}.`,
  unknownOption: (arg: string): string => `Opción desconocida: ${arg}.`,
  missingInput: "Falta el archivo de entrada (el cuadro de control .xlsx).",
  extraArgument: (argument: string, command: string): string => `Sobra el argumento «${argument}»: ${command} recibe un solo archivo de entrada.`,
  /** `purpose`: "el año que se evalúa", "el año de los indicadores". */
  missingYear: (purpose: string): string => `Falta la opción --anio AAAA (${purpose}).`,
  yearOfEvaluation: "el año que se evalúa",
  yearOfIndicators: "el año de los indicadores",
  invalidYear: (text: string): string => `El año «${text}» no es válido: escriba cuatro dígitos, por ejemplo --anio 2025.`,
  /** `form`: "--salida <salida.xlsx>", "--salida <copia.xlsx> (o --pdf <archivo.pdf>)". */
  missingOutput: (form: string): string => `Falta la opción ${form}.`,
  invalidToday: (text: string): string => `La fecha «${text}» de --hoy no es válida: escríbala como AAAA-MM-DD, por ejemplo --hoy 2026-06-27.`,
  /** An unexpected failure, with the underlying error's message. */
  commandFailed: (name: string, detail: string): string => `No se pudo completar «${name}»: ${detail}`,

  // Output files (checked before anything is read or written).
  sameAsInput: (output: string, option: string): string =>
    `La salida «${output}» es el mismo archivo de entrada; indique otro nombre con ${option} (la entrada nunca se modifica).`,
  sameAsOther: (output: string, other: string, option: string): string =>
    `La salida «${output}» es el mismo archivo que «${other}»; indique otro nombre con ${option} (la entrada nunca se modifica).`,
  outputIsFolder: (output: string, option: string, example: string): string =>
    `«${output}» es una carpeta; ${option} debe nombrar un archivo, por ejemplo ${option} ${example}.`,
  outputExtension: (output: string, extension: string, option: string): string =>
    `La salida «${output}» debe terminar en ${extension}; por ejemplo ${option} resultado${extension}.`,
  folderMissing: (folder: string, option: string): string => `La carpeta «${folder}» no existe; créela o indique otra ruta con ${option}.`,
  outputExists: (output: string, option: string): string =>
    `«${output}» ya existe y no se reemplazó; agregue --sobrescribir para reemplazarlo o indique otro nombre con ${option}.`,
  written: (file: string): string => `Se escribió «${file}».`,
  writtenUnchanged: (file: string): string => `Se escribió «${file}» (copia idéntica de la entrada).`,
  alreadyPrepared: "El libro ya estaba preparado: no hubo cambios.",
  noOperationsSheet: (file: string): string =>
    `«${file}» no tiene una hoja de operaciones reconocible: debe haber una fila de encabezados con columnas como DO, Tipo, Cliente, Ciudad y Aliado.`,

  // The PDF of the evaluation (LibreOffice).
  libreOfficeMissing:
    "No se encontró LibreOffice (el programa «soffice»), que se necesita para escribir el PDF; no se escribió ningún archivo.\n" +
    "Instálelo y vuelva a intentarlo:\n" +
    "  Debian o Ubuntu:  sudo apt-get install --no-install-recommends libreoffice-calc-nogui\n" +
    "  Windows o macOS:  descárguelo de https://www.libreoffice.org/download/ e instálelo\n" +
    "Si ya está instalado, agregue la carpeta de «soffice» a la variable PATH.",
  pdfConversionFailed: (soffice: string, pdf: string, said: string): string =>
    `LibreOffice no pudo convertir la evaluación a PDF (${soffice}); no se escribió «${pdf}». ` +
    `Ciérrelo si está abierto y vuelva a intentarlo.${said ? ` LibreOffice dijo: ${said}` : ""}`,
  pdfNotProduced: (pdf: string): string => `LibreOffice no produjo el PDF de la evaluación; no se escribió «${pdf}».`,
  evaluationSheetNotFound: (year: number, pdf: string): string =>
    `No se encontró la hoja de la evaluación ${year} para imprimirla; no se escribió «${pdf}».`,

  // Reports.
  evaluationTitle: (year: number, partial: string | null, alliances: number): string =>
    `Evaluación de desempeño ${year}${partial ? ` ${partial}` : ""} — ${alliances} alianzas`,
  validationTitle: (file: string, errors: string, warnings: string): string => `Validación de «${file}»: ${errors} y ${warnings}.`,
  moreFindings: (count: string): string => `… y ${count} más (use --json para verlos todos)`,
  byRule: "Resumen por regla:",
  copyWithoutCharts:
    "El archivo escrito no incluye los gráficos del libro: el modo archivo no puede copiarlos (el archivo de entrada los conserva); si los necesita, cópielos desde Excel.",
  exportNoteCells: (cells: string): string => `Cada hoja dice que es una copia estática (celdas ${cells}).`,
  followUpTitle: (file: string, date: string): string => `Seguimiento de «${file}» al ${date}`,
  followUpNoOperations: "Operaciones abiertas: ninguna vencida ni en riesgo.",
  followUpOperations: (count: number): string => `Operaciones abiertas vencidas o en riesgo (${count}), la más urgente primero:`,
  followUpNoNonconformities: "No conformidades: ninguna requiere acción.",
  followUpNonconformities: (count: number): string => `No conformidades que requieren acción (${count}):`,
  indicatorsByMonth: "Cumplimiento ANS por mes (todas las alianzas; días hábiles de servicio):",
  indicatorsByAlliance: "Por aliado:",
  indicatorsByCity: "Por ciudad:",
  indicatorsStages: "Etapas por aliado (días hábiles, mediana / percentil 90):",
  indicatorsNonconformities: (total: number, effective: string): string => `No conformidades del año (sin anuladas): ${total}; cerradas eficaces: ${effective}.`,
  indicatorsOpenByAge: (date: string, bands: string): string => `Abiertas al ${date} por antigüedad (días): ${bands}.`,
  /** The progress line: "Leyendo… 40.000 de 100.000 filas". */
  progressRows: (label: string, done: string, total: string): string => `${label} ${done} de ${total} filas`,

  // The demo (`npm run demo`): each figure names the workbook it comes from.
  demo: {
    title: "Control de Alianzas — demostración",
    original: (file: string): string => `1. Cuadro «como lo tenía el coordinador»: ${file}`,
    sample: (file: string, note: string): string => `   Cuadro de ejemplo estructurado: ${file} (${note})`,
    byAlliance: (file: string, span: string): string => `DO por alianza en ${file} (el cuadro del coordinador, todos sus DO, ${span}):`,
    findings: (file: string, errors: number, warnings: number): string => `Hallazgos en ${file}: ${errors} errores y ${warnings} advertencias, por regla:`,
    otherWorkbook: (year: number): string =>
      `   Otro libro: el cuadro de ejemplo estructurado, solo los DO abiertos en ${year}; sus cifras no son las del cuadro preparado de arriba.`,
    noOpeningDates: "sin fechas de apertura",
    openedIn: (year: number): string => `abiertos en ${year}`,
    openedFromTo: (first: number, last: number): string => `abiertos de ${first} a ${last}`,
    filesIn: (folder: string): string => `Archivos en ${folder}/:`,
    originalFile: "el cuadro como lo tenía el coordinador, sin preparar",
    preparedFile: "ese mismo cuadro preparado: de él salen «DO por alianza» y los hallazgos",
    findingsFile: "los hallazgos de validar en cuadro-preparado.xlsx",
    sampleFile: "otro libro: el cuadro de ejemplo estructurado",
    evaluationFile: (year: number): string => `la evaluación ${year} de cuadro-ejemplo.xlsx`,
    failed: "La demostración falló",
  },
} as const;
