/**
 * The wording of what preparing, registering and copying a workbook tell the user (plan notes and refusals):
 * one catalogue, one wording per idea. Sheet labels and column names are in headers.ts and the schemas.
 */

/**
 * The one reason a row cannot go under a table: the cell below it holds something that would be lost
 * (`table` null when the plan fills several tables).
 */
export function blockedBelowTable(cell: string, table: string | null): string {
  return `la celda ${cell}, justo debajo de ${table === null ? "una tabla" : `la tabla ${table}`}, tiene contenido que se perdería`;
}

/** How a message names the preparation, the same in the pane (button «Preparar cuadro») and the CLI (`preparar`). */
export const PREPARE = "«Preparar»";

export const WorkbookMessages = {
  /** A plan step an adapter does not know (a plan from a newer domain): for developers, in both adapters. */
  unknownStep: (step: string): string => `Paso de plan desconocido: ${step}`,
  /** A generated sheet (evaluation, indicators) that a new generation would leave as it is. */
  sheetUpToDate: (sheet: string): string => `La hoja «${sheet}» ya estaba al día: no hubo cambios.`,
  // Preparation (plan-preparation, prepare-structure, prepare-parameters, prepare-formulas, prepare-formats).
  sheetCreated: (sheet: string): string => `Se creó la hoja «${sheet}».`,
  sheetCreatedBeside: (existing: string, kind: string, created: string): string =>
    `La hoja «${existing}» tiene datos que no se reconocieron como ${kind}: se creó la hoja «${created}».`,
  backupCreated: (backup: string, sheet: string): string => `Se creó una copia de respaldo «${backup}» de la hoja «${sheet}» antes de modificarla.`,
  tableCreated: (table: string, sheet: string, range: string): string => `Se creó la tabla ${table} en la hoja «${sheet}» (${range}).`,
  headerRenamed: (from: string, to: string, cell: string): string => `Encabezado «${from}» → «${to}» (celda ${cell}).`,
  columnsNotAdded: (columns: string, table: string, blockingColumn: string): string =>
    `No se agregaron las columnas ${columns} a ${table} porque hay datos a la derecha de la tabla (columna ${blockingColumn}). Muévalos y vuelva a usar ${PREPARE}.`,
  tableRenamed: (from: string, sheet: string, to: string): string => `La tabla «${from}» de la hoja «${sheet}» se renombró ${to}.`,
  columnsRecognized: (count: number, sheet: string, headerRow: number): string =>
    `Se reconocieron ${count} columnas en la hoja «${sheet}» (encabezados en la fila ${headerRow}).`,
  rangeConverted: (range: string, sheet: string, table: string): string =>
    `Se convirtió el rango ${range} de la hoja «${sheet}» en la tabla ${table}; ningún dato cambió de fila.`,
  typedColumnKept: (header: string, kept: string, computed: string): string =>
    `La columna «${header}» tenía valores escritos a mano: se conservó como «${kept}» y se agregó la columna calculada «${computed}».`,
  columnsAdded: (table: string, columns: string): string => `Columnas agregadas a ${table}: ${columns}.`,
  ownColumnsKept: (columns: string): string => `Columnas propias que se conservan sin cambios: ${columns}.`,
  settingRowNotAdded: (setting: string, table: string, cell: string): string =>
    `No se agregó la fila «${setting}» a ${table}: ${blockedBelowTable(cell, table)}. Muévalo o bórrelo y vuelva a usar ${PREPARE}.`,
  settingRowAdded: (setting: string, table: string): string => `Se agregó la fila «${setting}» (fecha de estado) a ${table}.`,
  statusDateFixed: (where: string): string =>
    `La fecha de estado (${where}) pasó de =HOY() a una fecha fija que el complemento ` +
    "actualiza cada día: así los «Estado ANS» ya no se recalculan con cada cambio del libro.",
  todayNameDefined: (name: string, reference: string): string =>
    `El nombre ${name} apunta a la celda de la fecha de hoy (${reference}); las fórmulas de estado lo usan.`,
  formulaWritten: (header: string, rows: number): string => `Se escribió la fórmula de «${header}» en ${rows} fila${rows === 1 ? "" : "s"}.`,
  typedValuesKept: (count: number, header: string): string => {
    const many = count !== 1;
    return (
      `${count} celda${many ? "s" : ""} de «${header}» tiene${many ? "n" : ""} un valor escrito a mano; ` +
      `no se cambi${many ? "aron" : "ó"}. Bórrela${many ? "s" : ""} y use ${PREPARE} para calcularla${many ? "s" : ""}.`
    );
  },
  /** The error message of a list's data validation. */
  listAllows: (header: string, values: string): string => `«${header}» admite: ${values}. Elija un valor de la lista.`,
  listFromTable: (column: string, table: string, sheet: string): string =>
    `Elija un valor de la columna «${column}» de la tabla ${table} (la hoja «${sheet}»), o agréguelo allí primero.`,
  highlightedRows: (header: string, column: string): string =>
    `Las filas con «${header}» (columna ${column}) en «No cumple» o «Vencido» se resaltan en rojo.`,
  formulasRepaired: (count: number): string => `Se volvieron a escribir ${count} fórmulas ADUANA que mostraban #NAME?.`,

  // The status date (row «Hoy», name ADUANA_HOY).
  /** `ownedByAddin`: the add-in keeps the date (it updates it each day); otherwise the user typed it. */
  staleStatusDate: (where: string, shown: string, today: string, ownedByAddin: boolean): string =>
    `La fecha de estado (${where}, nombre ADUANA_HOY) es ${shown}, anterior a hoy (${today}): los «Estado ANS» se calculan a esa fecha. ` +
    (ownedByAddin
      ? `Abra el panel del complemento (la actualiza al iniciar cada día) o use ${PREPARE}.`
      : `Escriba la fecha de hoy en esa celda, o bórrela y use ${PREPARE} para que el complemento la mantenga al día.`),

  // Registering a non-conformity.
  ncTableMissing: (table: string): string => `No se encontró la tabla ${table}: use ${PREPARE} antes de registrar no conformidades.`,
  ncDescriptionRequired: "Escriba la descripción de la no conformidad: es obligatoria.",
  ncNotRegistered: (cell: string, table: string): string =>
    `No se pudo registrar la no conformidad: ${blockedBelowTable(cell, table)}. Muévalo o bórrelo y vuelva a intentarlo.`,
  ncRegistered: (number: string, doNumber: string | undefined): string => `Se registró la no conformidad ${number}${doNumber ? ` del DO ${doNumber}` : ""}.`,
  ncDoUnknown: (doNumber: string, table: string): string => `El DO «${doNumber}» no está en ${table}: la no conformidad quedó sin vínculo.`,
  ncLinked: (doNumber: string, number: string, header: string): string => `El DO ${doNumber} quedó vinculado a ${number} (columna «${header}»).`,
  ncLinkKept: (doNumber: string, current: string, header: string, number: string, ncHeader: string): string =>
    `El DO ${doNumber} ya tiene la no conformidad «${current}» en «${header}»; ` +
    `no se cambió. La nueva (${number}) lo menciona en su columna «${ncHeader}».`,

  // The static copy (Exportar).
  staticCopyNote: (date: string): string =>
    `Copia estática del ${date}: las fórmulas del complemento Control de Alianzas (ADUANA) se reemplazaron ` +
    "por sus valores de esa fecha y no se actualizan; las demás fórmulas de Excel siguen activas.",
  staticCopyWithoutAduana: "El libro no tiene fórmulas ADUANA: la copia es igual, con la nota de copia estática en cada hoja.",
  staticCopyReplaced: (replaced: string, computed: string | null): string =>
    `Se reemplazaron ${replaced} fórmulas ADUANA por su valor` +
    (computed === null ? "" : ` (${computed} calculados de nuevo porque el archivo no los tenía)`) +
    ".",
  staticCopyUncomputable: (cells: string, more: number): string =>
    `Sin valor calculado en ${cells}${more > 0 ? ` y ${more} más` : ""}: esas celdas quedan vacías en la copia; ` +
    "abra el libro en Excel con el complemento, guárdelo y vuelva a exportar.",
} as const;
