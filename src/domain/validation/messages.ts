import { ALLIANCE_CITIES, TABLES } from "../workbook/headers";

/**
 * The wording of every validation finding: one catalogue, so that one idea has one wording wherever a rule
 * reports it. Each message names the row (through a row label) and the column, and says what to do.
 * Sites pass values already shown (dates as dd/mm/aaaa, cell contents quoted with {@link showValue}).
 */

const CITY_LIST = ALLIANCE_CITIES.map(({ city }) => city).join(", ");

/** How a message names the row: "del DO DO-1001", "de «Agencia Caribe SAS»", "de NC-2026-001", "de la fila 12". */
export const RowLabels = {
  operation: (doNumber: string, row: number): string => (doNumber ? `del DO ${doNumber}` : RowLabels.row(row)),
  alliance: (name: string, row: number): string => (name ? `de «${name}»` : RowLabels.row(row)),
  nonconformity: (number: string, row: number): string => (number ? `de ${number}` : RowLabels.row(row)),
  /** `row` is the 0-based snapshot row; the label says the sheet's row number. */
  row: (row: number): string => `de la fila ${row + 1}`,
} as const;

/** The subject of a sentence about a row: "El DO DO-1001" / "El DO de la fila 12". */
function operationSubject(doNumber: string, row: number): string {
  return doNumber ? `El DO ${doNumber}` : `El DO ${RowLabels.row(row)}`;
}

/** "La no conformidad NC-2026-001" / "La no conformidad de la fila 4". */
function nonconformitySubject(number: string, row: number): string {
  return number ? `La no conformidad ${number}` : `La no conformidad ${RowLabels.row(row)}`;
}

/** The suggestion of the value meant, the same in every rule that offers one. */
function didYouMean(meant: string): string {
  return `¿quiso decir «${meant}»? Elija ese valor de la lista.`;
}

export const FindingMessages = {
  required: (header: string, label: string): string => `Falta «${header}» ${label}: es obligatorio, escríbalo.`,
  notANumber: (header: string, label: string, shown: string): string =>
    `«${header}» ${label} debe ser un número y tiene ${shown}: escriba solo el número.`,
  notInList: (header: string, label: string, shown: string, options: string, meant: string | undefined): string =>
    `«${header}» ${label} tiene ${shown}, que no está en la lista (${options}): ` + (meant ? didYouMean(meant) : "elija uno de la lista."),

  extraSpaces: (header: string, label: string, typed: string, listed: string): string =>
    `«${header}» ${label} tiene «${typed}», con espacios de más: las fórmulas de la hoja no lo reconocen como «${listed}». ` +
    "Borre los espacios o elija el valor de la lista.",

  dateTextMeant: (header: string, label: string, text: string, meant: string, format: string): string =>
    `«${header}» ${label} tiene el texto «${text}», no una fecha: ¿quiso decir ${meant}? ` +
    `Vuelva a escribirla como fecha (${format}) para que Excel la reconozca.`,
  dateImpossible: (header: string, label: string, text: string, shown: string): string =>
    `«${header}» ${label} tiene «${text}», y la fecha ${shown} no existe: corrija el día o el mes.`,
  dateText: (header: string, label: string, text: string, format: string): string =>
    `«${header}» ${label} tiene el texto «${text}», que no es una fecha: escriba la fecha (${format}).`,
  dateNumberOutOfRange: (header: string, label: string, value: number, format: string): string =>
    `«${header}» ${label} tiene el número ${value}, que no corresponde a una fecha entre 1984 y 2200: escriba la fecha (${format}).`,
  notADate: (header: string, label: string, shown: string, format: string): string =>
    `«${header}» ${label} tiene ${shown}, que no es una fecha: escriba la fecha (${format}).`,

  futureDate: (header: string, label: string, date: string, today: string): string =>
    `«${header}» ${label} es ${date}, posterior a hoy (${today}): corrija la fecha.`,
  dateBefore: (laterHeader: string, label: string, later: string, earlierHeader: string, earlier: string): string =>
    `«${laterHeader}» ${label} (${later}) es anterior a «${earlierHeader}» (${earlier}): corrija una de las dos fechas.`,
  negativeDays: (header: string, label: string, value: number): string =>
    `«${header}» ${label} es ${value}: no puede ser negativo. Escriba 0 o más días.`,

  nitNotANit: (header: string, label: string, value: string): string =>
    `«${header}» ${label} tiene «${value}», que no es un NIT: escriba el número y su dígito de verificación (900123456-8).`,
  nitMissingCheckDigit: (header: string, label: string, base: string, checkDigit: number | string): string =>
    `«${header}» ${label} no tiene dígito de verificación: escriba ${base}-${checkDigit}.`,
  nitWrongCheckDigit: (header: string, label: string, base: string, checkDigit: number | string): string =>
    `El dígito de verificación de «${header}» ${label} no corresponde: para ${base} es ${checkDigit}. Escriba ${base}-${checkDigit}.`,

  duplicateDo: (doNumber: string, firstRow: number): string =>
    `El DO ${doNumber} ya está en la fila ${firstRow + 1}: cada DO va una sola vez. Corrija el número o borre la fila repetida.`,
  ownOffice: (doNumber: string, row: number, city: string): string =>
    `${operationSubject(doNumber, row)} es de ${city}, oficina propia: no se controla en este cuadro de alianzas. Páselo al control de operaciones propias o corrija la ciudad.`,
  cityMeant: (header: string, label: string, typed: string, meant: string): string => `«${header}» ${label} es «${typed}»: ${didYouMean(meant)}`,
  cityUnknown: (header: string, label: string, typed: string): string =>
    `«${header}» ${label} es «${typed}», que no es una ciudad de las alianzas (${CITY_LIST}): corríjala.`,
  /** An Aliado (of a DO or an NC) that tblAlianzas does not have, with the alliance meant when one resembles it. */
  unknownAlliance: (header: string, label: string, typed: string, meant: string | undefined, allianceSheet: string): string =>
    `«${header}» ${label} es «${typed}», que no está en ${TABLES.alliances}: ` +
    (meant ? didYouMean(meant) : `regístrelo en la hoja ${allianceSheet} o elija un aliado de la lista.`),
  allianceNotCovering: (alliance: string, label: string, city: string, covered: string, allianceSheet: string): string =>
    `«${alliance}» ${label} no cubre ${city} (cubre: ${covered}): asigne un aliado de ${city} o corrija «Ciudades» en la hoja ${allianceSheet}.`,
  contractNotInForce: (alliance: string, start: string, end: string, opened: string, label: string, allianceSheet: string): string =>
    `El contrato de «${alliance}» (${start} a ${end}) no estaba vigente el ${opened}, fecha de apertura ${label}: ` +
    `registre la renovación en la hoja ${allianceSheet} o asigne otro aliado.`,
  unknownNonconformity: (number: string, label: string): string =>
    `La no conformidad «${number}» ${label} no está en ${TABLES.nonconformities}: corrija el número o regístrela.`,
  ansMissed: (doNumber: string, row: number, days: number, serviceHeader: string, alliance: string, kind: string, target: number): string =>
    `${operationSubject(doNumber, row)} tomó ${days} días hábiles («${serviceHeader}») y la meta de «${alliance}» para ${kind} es ${target}: ` +
    `documente la causa (o escriba los días imputables al cliente).`,
  ansMissedWithoutNc: (doNumber: string, row: number, ncHeader: string): string =>
    `${operationSubject(doNumber, row)} incumplió el ANS y no tiene no conformidad: regístrela (tipo «Incumplimiento ANS»), como pide ISO 9001 §10.2, y escriba su Nº en «${ncHeader}».`,

  duplicateAlliance: (name: string, firstRow: number): string =>
    `«${name}» ya está en la fila ${firstRow + 1}: cada aliado va una sola vez (sus DO se buscan por nombre). Junte sus datos en una fila y borre la otra.`,
  allianceCityOwnOffice: (header: string, label: string, city: string): string =>
    `«${header}» ${label} incluye ${city}, oficina propia: las alianzas solo cubren ${CITY_LIST}. Quítela.`,
  allianceCityUnknown: (header: string, label: string, city: string): string =>
    `«${header}» ${label} incluye «${city}», que no es una de las siete ciudades (${CITY_LIST}): sepárelas con «;» y escríbalas como en la lista.`,
  badEmail: (header: string, label: string, emails: string): string =>
    `«${header}» ${label} tiene «${emails}», que no parece un correo (nombre@dominio.com): corríjalo.`,
  contractEndNotAfterStart: (endHeader: string, label: string, end: string, startHeader: string, start: string): string =>
    `«${endHeader}» ${label} (${end}) no es posterior a «${startHeader}» (${start}): corrija las fechas del contrato.`,
  contractExpired: (header: string, label: string, end: string, status: string): string =>
    `«${header}» ${label} es ${end}: el contrato venció y el aliado sigue «${status || "sin estado"}». Renueve el contrato o cambie su Estado a «Terminado».`,
  contractEnding: (header: string, label: string, end: string, daysLeft: number): string =>
    `«${header}» ${label} es ${end}: el contrato vence en ${daysLeft} día${daysLeft === 1 ? "" : "s"}. Gestione la renovación.`,
  targetNotPositive: (header: string, label: string, value: number): string =>
    `«${header}» ${label} es ${value}: la meta debe ser mayor que 0. Escriba los días hábiles acordados en el contrato.`,
  restrictiveListsStale: (header: string, label: string, checked: string): string =>
    `«${header}» ${label} es ${checked}, hace más de un año: repita la verificación en listas restrictivas (SARLAFT) y actualice la fecha.`,

  ncNumberFormat: (number: string): string => `El Nº «${number}» no sigue el formato NC-AAAA-NNN (por ejemplo NC-2026-007): corríjalo.`,
  ncNumberDuplicate: (number: string, firstRow: number): string =>
    `El Nº ${number} ya está en la fila ${firstRow + 1}: cada no conformidad tiene su propio número. Cambie el Nº de esta fila por uno que no esté usado.`,
  /** `meant`: the DO a loose match suggests, if any. */
  ncUnknownDo: (number: string, row: number, doNumber: string, operationsSheet: string, meant: string | undefined): string =>
    `${nonconformitySubject(number, row)} menciona el DO «${doNumber}», que no está en ${TABLES.operations} (hoja ${operationsSheet}): ` +
    (meant ? `¿quiso decir «${meant}»? Corrija el número del DO.` : "corrija el número del DO."),
  /** An NC «Cerrada» that lacks its closing date, or the «Sí» of effectiveness, or both. */
  ncClosedIncomplete: (number: string, row: number, lacks: { closedDate: boolean; effective: boolean }, closedHeader: string, effectiveHeader: string): string => {
    const missing = [...(lacks.closedDate ? [`«${closedHeader}»`] : []), ...(lacks.effective ? [`«${effectiveHeader}» = Sí`] : [])];
    const action = lacks.effective ? `verifique la eficacia y escriba «Sí» en «${effectiveHeader}»` : `escriba la «${closedHeader}»`;
    return `${nonconformitySubject(number, row)} está «Cerrada» sin ${missing.join(" ni ")}: ${action}, o cambie su Estado mientras tanto.`;
  },
  ncClosedDateWithoutClosing: (number: string, row: number, closedHeader: string, status: string): string =>
    `${nonconformitySubject(number, row)} tiene «${closedHeader}» pero su Estado es «${status || "vacío"}»: cámbielo a «Cerrada» o borre la fecha de cierre.`,

  doOverdue: (doNumber: string, dueDate: string, daysLeft: string, releaseHeader: string): string =>
    `El DO ${doNumber} sigue abierto y su ANS venció el ${dueDate} (${daysLeft}): ` +
    `registre la «${releaseHeader}» si ya la hubo; si no, gestione el caso con el aliado y registre la no conformidad.`,
  ncCommitmentOverdue: (number: string, row: number, dueHeader: string, due: string, advice: string): string =>
    `${nonconformitySubject(number, row)} sigue abierta y su «${dueHeader}» (${due}) ya pasó: ${advice}.`,
  ncWithoutAnalysis: (number: string, row: number, severity: string, due: string, days: number, advice: string): string =>
    `${nonconformitySubject(number, row)} es ${severity} y el ${due} se cumplieron ${days} días hábiles sin análisis: ${advice}.`,

  weightsNotHundred: (header: string, sheet: string, percent: number): string =>
    `Los pesos de la evaluación («${header}» en la hoja ${sheet}) suman ${percent} %, no 100 %: corríjalos para que sumen 100 %.`,
} as const;

