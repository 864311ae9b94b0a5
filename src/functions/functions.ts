// Excel custom functions of the ADUANA namespace (SPEC §2). Each one converts its arguments, calls
// src/domain and maps failures to #VALUE! with a Spanish message. The webpack build
// (custom-functions-metadata-plugin) generates functions.json from these JSDoc blocks and appends
// one CustomFunctions.associate call per function. The one thing this file registers itself is the ribbon
// command, at its top level (see registerRibbonCommands).
import { FunctionMessages } from "./messages";
import {
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  ansStatus,
  colombianHolidays,
  colombianHolidaysOn,
  formatSerial,
  getBusinessCalendar,
  isSupportedYear,
  serviceTime,
  todayInColombia,
} from "../domain/calendar";
import type { BusinessCalendar } from "../domain/calendar";
import { ratingForScore } from "../domain/evaluation/rating";
import { isValidNit, nitCheckDigit } from "../domain/identity/nit";
import {
  isEmptyCell,
  readDateArgument,
  readExtraHolidays,
  readFlag,
  readNitText,
  readNumberArgument,
  readServiceTimeUnit,
  requireDate,
  requireNumber,
} from "./cell-arguments";
import type { CellArgument } from "./cell-arguments";
import { InvalidArgument, withExcelErrors } from "./excel-error";
import { registerRibbonCommands } from "../excel/ribbon";

// This is the shared runtime's first script: associate the ribbon command before anything else loads.
registerRibbonCommands();

function calendarFor(saturdayIsBusiness: CellArgument, extraHolidays: CellArgument): BusinessCalendar {
  return getBusinessCalendar(
    readFlag(saturdayIsBusiness, "sabado_habil"),
    readExtraHolidays(extraHolidays, "festivos_extra"),
  );
}

/** "dd/mm/aaaa hh:mm" (time only when there is one), for messages about date-times. */
function describeMoment(serial: number): string {
  const minutes = Math.min(1439, Math.round((serial - Math.floor(serial)) * 1440));
  if (minutes === 0) return formatSerial(serial);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return `${formatSerial(serial)} ${clock}`;
}

function assertEndNotBeforeStart(start: number, end: number): void {
  if (end < start) {
    throw new InvalidArgument(
      FunctionMessages.endBeforeStart(describeMoment(end), describeMoment(start)),
    );
  }
}

/**
 * Tiempo de servicio hábil de una operación: días hábiles después de la fecha de inicio hasta la fecha de fin (mismo día = 0, viernes a lunes = 1) u horas hábiles entre 08:00 y 17:00. Devuelve vacío si falta inicio o fin.
 * @customfunction TIEMPO_SERVICIO
 * @param inicio Fecha y hora de inicio del servicio: la más tardía entre llegada de la mercancía y documentos completos.
 * @param fin Fecha y hora de levante o autorización de embarque.
 * @param unidad Opcional. "d" para días hábiles (predeterminado) o "h" para horas hábiles entre 08:00 y 17:00.
 * @param sabado_habil Opcional. VERDADERO si la alianza trabaja los sábados (predeterminado FALSO).
 * @param festivos_extra Opcional. Rango con fechas adicionales no hábiles, por ejemplo tblFestivosExtra[Fecha].
 * @returns Días u horas hábiles transcurridos, o vacío si la operación sigue abierta.
 */
export function elapsedServiceTime(
  inicio: unknown,
  fin: unknown,
  unidad?: unknown,
  sabado_habil?: unknown,
  festivos_extra?: unknown[][],
): number | string {
  return withExcelErrors(() => {
    const start = readDateArgument(inicio, "inicio");
    const end = readDateArgument(fin, "fin");
    const unit = readServiceTimeUnit(unidad, "unidad");
    const calendar = calendarFor(sabado_habil, festivos_extra);
    if (start === null || end === null) return "";
    assertEndNotBeforeStart(start, end);
    return serviceTime(start, end, unit, calendar);
  });
}

/**
 * Días hábiles entre dos fechas, contando ambas, con los festivos de Colombia (como DIAS.LAB.INTL); negativo si fin es anterior a inicio.
 * @customfunction DIAS_HABILES
 * @param inicio Fecha inicial.
 * @param fin Fecha final.
 * @param sabado_habil Opcional. VERDADERO si el sábado es día hábil (predeterminado FALSO).
 * @param festivos_extra Opcional. Rango con fechas adicionales no hábiles, por ejemplo tblFestivosExtra[Fecha].
 * @returns Número de días hábiles.
 */
export function businessDaysBetween(
  inicio: unknown,
  fin: unknown,
  sabado_habil?: unknown,
  festivos_extra?: unknown[][],
): number {
  return withExcelErrors(() => {
    const start = requireDate(inicio, "inicio");
    const end = requireDate(fin, "fin");
    return calendarFor(sabado_habil, festivos_extra).networkDays(start, end);
  });
}

/**
 * Fecha límite: la fecha que cae el número indicado de días hábiles después (o antes, si es negativo) de inicio, con los festivos de Colombia (como DIA.LAB.INTL).
 * @customfunction FECHA_LIMITE
 * @param inicio Fecha desde la que se cuenta.
 * @param dias Número de días hábiles; negativo cuenta hacia atrás; se ignoran los decimales.
 * @param sabado_habil Opcional. VERDADERO si el sábado es día hábil (predeterminado FALSO).
 * @param festivos_extra Opcional. Rango con fechas adicionales no hábiles, por ejemplo tblFestivosExtra[Fecha].
 * @returns La fecha límite como número de serie; aplique formato de fecha a la celda.
 */
export function dueDate(inicio: unknown, dias: unknown, sabado_habil?: unknown, festivos_extra?: unknown[][]): number {
  return withExcelErrors(() => {
    const start = requireDate(inicio, "inicio");
    // As WORKDAY.INTL: negative days count backwards and decimals are truncated toward zero (−0.5 is 0).
    // https://support.microsoft.com/office/workday-intl-function-a378391c-9ba7-4678-8a39-39611a9bf81d
    const days = Math.trunc(requireNumber(dias, "dias"));
    return calendarFor(sabado_habil, festivos_extra).workday(start, days);
  });
}

/**
 * Indica si una fecha es festivo nacional en Colombia.
 * @customfunction ES_FESTIVO
 * @param fecha Fecha a consultar (entre 1984 y 2200).
 * @returns VERDADERO si la fecha es festivo nacional.
 */
export function isHoliday(fecha: unknown): boolean {
  return withExcelErrors(() => colombianHolidaysOn(requireDate(fecha, "fecha")).length > 0);
}

/**
 * Nombre del festivo nacional de Colombia en una fecha, o vacío si no es festivo. Si dos festivos coinciden, los une con " / ".
 * @customfunction NOMBRE_FESTIVO
 * @param fecha Fecha a consultar (entre 1984 y 2200).
 * @returns El nombre del festivo, o vacío.
 */
export function holidayName(fecha: unknown): string {
  return withExcelErrors(() =>
    colombianHolidaysOn(requireDate(fecha, "fecha"))
      .map((holiday) => holiday.name)
      .join(" / "),
  );
}

/**
 * Lista de festivos nacionales de Colombia de un año: dos columnas, fecha y nombre.
 * @customfunction FESTIVOS
 * @param año Año entre 1984 y 2200.
 * @returns Matriz de festivos: fecha (número de serie) y nombre.
 */
export function holidaysOfYear(año: unknown): Array<Array<number | string>> {
  return withExcelErrors(() => {
    const year = requireNumber(año, "año");
    if (!isSupportedYear(year)) {
      throw new InvalidArgument(
        FunctionMessages.yearOutOfRange(FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, year),
      );
    }
    return colombianHolidays(year).map((holiday) => [holiday.serial, holiday.name]);
  });
}

/**
 * Estado del acuerdo de servicio (ANS) de una operación: "Cumple" o "No cumple" si ya tiene fin; si sigue abierta, "Vencido", "En riesgo" (80 % de la meta o más) o "En curso" a la fecha de hoy. Vacío si falta inicio.
 * @customfunction ESTADO_ANS
 * @param inicio Fecha y hora de inicio del servicio.
 * @param fin Fecha y hora de levante o autorización de embarque; vacío si la operación sigue abierta.
 * @param meta Meta ANS en días hábiles.
 * @param hoy Opcional. Fecha de referencia para operaciones abiertas: use una celda con =HOY() (predeterminado: la fecha de hoy).
 * @param sabado_habil Opcional. VERDADERO si la alianza trabaja los sábados (predeterminado FALSO).
 * @param festivos_extra Opcional. Rango con fechas adicionales no hábiles, por ejemplo tblFestivosExtra[Fecha].
 * @returns Cumple, No cumple, Vencido, En riesgo, En curso o vacío.
 */
export function serviceLevelStatus(
  inicio: unknown,
  fin: unknown,
  meta: unknown,
  hoy?: unknown,
  sabado_habil?: unknown,
  festivos_extra?: unknown[][],
): string {
  return withExcelErrors(() => {
    const start = readDateArgument(inicio, "inicio");
    const end = readDateArgument(fin, "fin");
    const target = readNumberArgument(meta, "meta");
    const reference = readDateArgument(hoy, "hoy");
    const calendar = calendarFor(sabado_habil, festivos_extra);
    if (target !== null && target < 0) {
      throw new InvalidArgument(FunctionMessages.negativeTarget(target));
    }
    // Without a start or a target there is nothing to measure yet (formulas fill whole columns).
    if (start === null || target === null) return "";
    if (end !== null) assertEndNotBeforeStart(start, end);
    return ansStatus({ start, end, target, today: reference ?? todayInColombia(new Date()), calendar });
  });
}

/**
 * Dígito de verificación (DV) de un NIT según la DIAN.
 * @customfunction NIT_DV
 * @param nit NIT sin dígito de verificación: solo dígitos, con o sin puntos (por ejemplo 800.197.268).
 * @returns El dígito de verificación (0 a 9).
 */
export function nitCheckDigitOf(nit: unknown): number {
  return withExcelErrors(() => {
    const text = readNitText(nit);
    if (text === null) throw new InvalidArgument(FunctionMessages.missingNit);
    const digit = nitCheckDigit(text);
    if (digit === null) {
      throw new InvalidArgument(
        FunctionMessages.nitNotDigits(text),
      );
    }
    return digit;
  });
}

/**
 * Indica si un NIT escrito con su dígito de verificación (por ejemplo 900.123.456-8) es correcto.
 * @customfunction NIT_VALIDO
 * @param nit NIT con guion y dígito de verificación, con o sin puntos.
 * @returns VERDADERO si el dígito de verificación corresponde al NIT.
 */
export function nitIsValid(nit: unknown): boolean {
  return withExcelErrors(() => typeof nit === "string" && !isEmptyCell(nit) && isValidNit(nit));
}

/**
 * Calificación de una alianza según su puntaje de evaluación: Excelente (90 o más), Bueno (75 o más), Aceptable (60 o más) o Deficiente; un criterio excluyente la deja en Deficiente.
 * @customfunction CALIFICACION
 * @param puntaje Puntaje de la evaluación, de 0 a 100.
 * @param excluyente Opcional. VERDADERO o "Sí" si hubo un criterio excluyente (sanción DIAN, listas restrictivas, incidente de seguridad).
 * @returns Excelente, Bueno, Aceptable o Deficiente; vacío si no hay puntaje.
 */
export function ratingOfScore(puntaje: unknown, excluyente?: unknown): string {
  return withExcelErrors(() => {
    const score = readNumberArgument(puntaje, "puntaje");
    const excluding = readFlag(excluyente, "excluyente");
    if (score === null) return "";
    if (score < 0 || score > 100) {
      throw new InvalidArgument(FunctionMessages.scoreOutOfRange(score));
    }
    return ratingForScore(score, excluding);
  });
}
