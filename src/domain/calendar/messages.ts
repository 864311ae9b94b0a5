/** The wording of the calendar's refusals (dates and years outside the holiday calendar), one place for all. */
export const CalendarMessages = {
  yearOutOfCalendar: (year: number, first: number, last: number): string => `El año ${year} está fuera del calendario de festivos (${first}–${last}).`,
  dateOutOfCalendar: (shown: string, first: number, last: number): string => `La fecha ${shown} está fuera del calendario de festivos (${first}–${last}).`,
  resultOutOfCalendar: (first: number, last: number): string => `La fecha resultante queda fuera del calendario de festivos (${first}–${last}).`,
  notADate: (value: number): string => `El valor ${value} no es una fecha.`,
  notAnExcelDate: (value: number): string => `El número ${value} no es una fecha de Excel.`,
  invalidDayCount: (days: number): string => `El número de días ${days} no es válido.`,
  invalidWorkingHours: (start: number, end: number): string => `La jornada ${start}–${end} h no es válida.`,
  endBeforeStart: "La fecha final es anterior a la fecha inicial.",
  /** A year the evaluation or the indicators cannot cover, e.g. `purpose` "la evaluación". */
  yearNotValidFor: (year: number, purpose: string, first: number, last: number): string =>
    `El año ${year} no es válido para ${purpose}: escriba un año entre ${first} y ${last}.`,
} as const;
