import { CalendarMessages, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "../calendar";

/** The wording of what generating the indicators tells the user; block titles and headers are in sheet-layout.ts. */
export const IndicatorMessages = {
  unsupportedYear: (year: number): string => CalendarMessages.yearNotValidFor(year, "los indicadores", FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR),
  emptyBlock: "Sin datos en el año.",
  stagesChartTitle: (year: number): string => `Mediana de días hábiles por etapa y aliado — ${year}`,
  refreshed: (sheet: string): string => `Se actualizaron las cifras de «${sheet}»; los comentarios siguen en sus filas.`,
  created: (sheet: string, operations: number, nonconformities: number): string =>
    `Se creó la hoja «${sheet}» con los indicadores de ${operations} DO y ${nonconformities} no conformidades.`,
  notesMoved: (count: number, block: string): string =>
    `${count} comentario(s) o nota(s) sin fila propia quedaron en el bloque «${block}» al final de la hoja.`,
} as const;
