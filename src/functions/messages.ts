/**
 * The wording of the custom functions' errors (the message of CustomFunctions.Error #VALUE!): one catalogue.
 * Each names the argument as the function's signature does ("inicio", "dias") and says what to write;
 * `shown` is how a rejected value is named ({@link FunctionMessages.shownText} and its siblings).
 */
export const FunctionMessages = {
  shownText: (text: string): string => `el texto "${text}"`,
  shownDataType: (kind: string | null): string =>
    `un tipo de datos${kind === null ? "" : ` (${kind})`}, que estas funciones no aceptan; use la fecha, el número o el texto de la celda, no el tipo de datos`,
  shownValue: (value: string): string => `el valor ${value}`,

  missingDate: (name: string): string => `Falta "${name}": escriba una fecha.`,
  missingNumber: (name: string): string => `Falta "${name}": escriba un número.`,
  missingNit: `Falta "nit": escriba el NIT sin dígito de verificación.`,
  notADate: (name: string, shown: string): string => `"${name}" debe ser una fecha y recibió ${shown}: escriba una fecha válida.`,
  invalidDate: (name: string, value: number): string => `"${name}" no es una fecha válida (${value}): escriba una fecha válida.`,
  dateOutOfCalendar: (name: string, shown: string, first: number, last: number): string =>
    `"${name}" (${shown}) está fuera del calendario de festivos: use fechas entre ${first} y ${last}.`,
  notANumber: (name: string, shown: string): string => `"${name}" debe ser un número y recibió ${shown}: escriba un número.`,
  notAFlag: (name: string, shown: string): string => `"${name}" debe ser VERDADERO o FALSO (o "Sí"/"No") y recibió ${shown}.`,
  notOnlyDates: (name: string, shown: string): string => `"${name}" debe contener solo fechas y contiene ${shown}.`,
  notAUnit: (name: string, shown: string): string => `"${name}" debe ser "d" (días hábiles) o "h" (horas hábiles) y recibió ${shown}.`,
  endBeforeStart: (end: string, start: string): string => `"fin" (${end}) es anterior a "inicio" (${start}): revise el orden de las fechas.`,
  yearOutOfRange: (first: number, last: number, year: number): string => `"año" debe ser un año entero entre ${first} y ${last} y recibió ${year}.`,
  negativeTarget: (target: number): string => `"meta" no puede ser negativa (${target}): escriba los días hábiles acordados.`,
  nitNotDigits: (text: string): string => `"nit" debe tener solo dígitos (hasta 15, con o sin puntos) y sin dígito de verificación; recibió "${text}".`,
  scoreOutOfRange: (score: number): string => `"puntaje" debe estar entre 0 y 100 y recibió ${score}.`,
  /** An unexpected failure, with the underlying error's message. */
  notComputed: (detail: string): string => `No se pudo calcular el resultado (${detail}). Revise los argumentos.`,
} as const;
