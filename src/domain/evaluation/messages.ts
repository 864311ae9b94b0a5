import { CalendarMessages, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "../calendar";
import { TABLES } from "../workbook/headers";
import { PREPARE, blockedBelowTable } from "../workbook/messages";

const quotedList = (names: readonly string[]): string => names.map((name) => `«${name}»`).join(", ");

/**
 * The wording of what generating the evaluation and the fichas tells the user: refusals, plan notes, the
 * data-validation prompts and the sentences written on the fichas. Column headers and sheet labels are in
 * sheet-layout.ts.
 */
export const EvaluationMessages = {
  // Refusals (nothing is written).
  unsupportedYear: (year: number): string => CalendarMessages.yearNotValidFor(year, "la evaluación", FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR),
  noAlliances: `No hay aliados en ${TABLES.alliances}: registre las alianzas antes de generar la evaluación; no se escribió nada.`,
  yearNotBegun: (year: number, today: string, lastYear: number): string =>
    `El año ${year} aún no ha empezado (hoy es ${today}): evalúe ${lastYear} o un año anterior; no se escribió nada.`,
  noOperationsInYear: (year: number, openedHeader: string): string =>
    `No hay DOs con «${openedHeader}» en ${year} en ${TABLES.operations}: no hay nada que evaluar para ese año; elija otro año (no se escribió nada).`,
  partial: (year: number, through: string): string =>
    `El año ${year} aún no termina: la evaluación es parcial, con los DOs y las no conformidades hasta el ${through}; vuelva a generarla al cerrar el año.`,

  // The weights the score uses.
  weightsTableMissing: (table: string): string =>
    `No se encontró la tabla ${table} (Criterio, Peso) en Parámetros: el puntaje usa los pesos ` +
    `por defecto (C1 35 %, C2 25 %, C3 15 %, C4 15 %, C5 10 %). Use ${PREPARE} para poder editarlos.`,
  weightMissing: (table: string, criterion: string): string =>
    `La tabla ${table} no tiene un peso numérico para ${criterion}: el puntaje usa los pesos por defecto hasta que lo corrija en Parámetros.`,
  weightsNotHundred: (table: string, percent: number): string =>
    `Los pesos de la evaluación (${table} en la hoja Parámetros) suman ${percent} %, no 100 %: ` +
    "el puntaje los usa en proporción a su total. Corríjalos para que sumen 100 %.",

  // Generating a new sheet or refreshing one.
  sheetCreated: (sheet: string, table: string, alliances: number, withoutOperations: number, year: number): string =>
    `Se creó la hoja «${sheet}» (tabla ${table}) con ${alliances} aliado(s)` + (withoutOperations > 0 ? `, ${withoutOperations} sin operaciones en ${year}.` : "."),
  whatToFillIn: "Ingrese C4, C5 y Criterio excluyente de cada aliado; Puntaje, Calificación y Decisión se calculan solos.",
  sheetWithoutTable: (sheet: string, table: string): string =>
    `La hoja «${sheet}» ya existe pero no tiene la tabla ${table}: no se modificó. ` +
    "Cámbiele el nombre a la hoja (para conservarla) y genere la evaluación de nuevo.",
  tableWithoutAllianceColumn: (table: string): string =>
    `La tabla ${table} no tiene la columna «Aliado»: no se puede saber qué fila es de cada aliado. Restaure el encabezado y genere de nuevo.`,
  columnsGone: (table: string, headers: readonly string[]): string =>
    `La tabla ${table} ya no tiene las columnas ${quotedList(headers)}: esas columnas no se actualizan.`,
  alliancesRetired: (names: readonly string[], retiredStatus: string): string =>
    `${quotedList(names)} ya no está(n) en ${TABLES.alliances}: su fila se conserva, ` +
    `marcada «${retiredStatus}», con sus últimas cifras y lo que se escribió en ella.`,
  /** `names` null: the new alliances as a whole. */
  alliancesNotAdded: (names: readonly string[] | null, cell: string, table: string): string =>
    `No se agregaron ${names === null ? "los aliados nuevos" : quotedList(names)}: ${blockedBelowTable(cell, table)}. Muévalo o bórrelo y genere de nuevo.`,
  alliancesAdded: (names: readonly string[]): string => `Se agregaron a la evaluación: ${quotedList(names)}.`,
  figuresRefreshed: (count: number, sheet: string): string => `Se actualizaron las cifras de ${count} aliado(s) en «${sheet}».`,
  scoreOutOfRange: (cell: string, criterion: string, alliance: string, value: string): string =>
    `${cell} (${criterion} de «${alliance}») tiene «${value}»: escriba un entero de 1 a 5.`,

  // The data validation of the input columns.
  scorePrompt: "Escriba una calificación entera de 1 (muy deficiente) a 5 (excelente).",
  excludingPrompt: "Elija Sí (sanción DIAN, coincidencia en listas restrictivas, pérdida de autorización o incidente de seguridad) o No.",

  // The sheet of fichas.
  fichasAdded: (sheet: string, names: readonly string[]): string => `Se agregaron a «${sheet}» las fichas de ${quotedList(names)}.`,
  fichasRefreshed: (sheet: string): string => `Se actualizaron las fichas de «${sheet}».`,
  fichasCreated: (sheet: string, count: number): string =>
    `Se creó la hoja «${sheet}» con una ficha por aliado (${count}), una por página, para firmar y enviar a cada aliado.`,
  fichaTitle: (year: number): string => `Ficha de evaluación de desempeño del socio comercial — ${year}`,
  fichaStagesTitle: "Etapas del servicio (días hábiles)",
  fichaMeasured: (count: number, year: number): string =>
    count === 0 ? `Sin DOs medidos abiertos en ${year}.` : `Sobre ${count} DO medidos abiertos en ${year}.`,
  fichaNoPreviousSheet: (previousSheet: string): string => `No hay «${previousSheet}» en el libro.`,
  fichaNotInPrevious: (previousSheet: string): string => `El aliado no figura en «${previousSheet}».`,
  reevaluationOverdue: (due: string, previousYear: number): string =>
    `Re-evaluación VENCIDA desde el ${due}: la evaluación ${previousYear} pidió plan de mejora y re-evaluación en 6 meses.`,
  reevaluationPending: (due: string, previousYear: number): string =>
    `Re-evaluación pendiente hasta el ${due} (plan de mejora de la evaluación ${previousYear}).`,
  sheetSubtitle: (from: string, to: string): string => `Control de operaciones externas contratadas con alianzas · Período ${from} – ${to}`,
  printHeaderRight: "Registro del sistema de gestión de calidad",
  /** For developers: a column key the layout does not have. */
  unknownColumn: (key: string): string => `Columna de evaluación desconocida: ${key}`,
  fichasPrintHeader: (year: number): string => `Evaluación de desempeño de socios comerciales — ${year}`,
} as const;
