import {
  ALLIANCE_CITIES,
  CITY_HEADERS,
  EXTRA_HOLIDAY_HEADERS,
  PARAMETER_TABLES,
  RATING_BAND_HEADERS,
  SETTING_HEADERS,
  SETTING_NAMES,
  SHEETS,
  TABLES,
  WEIGHT_HEADERS,
} from "./headers";
import { DATE_FORMAT, PERCENT_FORMAT } from "./schema-types";
import type { ColumnSpec, TableSchema } from "./schema-types";

const text = (key: string, header: string, width: number, required = false): ColumnSpec => ({
  key,
  header,
  kind: "text",
  required,
  width,
  aliases: [],
});

/** Criteria of the annual evaluation with their default weights (SPEC §3): the one place they are written. */
export const DEFAULT_WEIGHT_ROWS = [
  ["C1 Oportunidad (ANS)", 0.35],
  ["C2 Calidad", 0.25],
  ["C3 Gestión de NC", 0.15],
  ["C4 Comunicación y trazabilidad", 0.15],
  ["C5 Cumplimiento legal y seguridad", 0.1],
] as const;

/** Ratings with their lower bound and decision (SPEC §3): the one place they are written. */
export const DEFAULT_RATING_BAND_ROWS = [
  ["Excelente", 90, "Mantener / renovar"],
  ["Bueno", 75, "Mantener con seguimiento"],
  ["Aceptable", 60, "Plan de mejora; re-evaluación en 6 meses"],
  ["Deficiente", 0, "Suspender asignaciones; revisar terminación del contrato"],
] as const;

/** tblParametros: the status date (Hoy, named ADUANA_HOY) and the working hours. */
export const SETTINGS_SCHEMA: TableSchema = {
  entity: "settings",
  table: PARAMETER_TABLES.settings,
  sheet: SHEETS.parameters,
  anchor: null,
  style: "TableStyleLight9",
  columns: [
    text("name", SETTING_HEADERS.name, 22, true),
    { key: "value", header: SETTING_HEADERS.value, kind: "number", required: true, width: 13, aliases: [] },
  ],
  defaultRows: [
    // The status date is written by planTodayName (status-date.ts), with its number format.
    [SETTING_NAMES.today, null],
    [SETTING_NAMES.workStart, 8],
    [SETTING_NAMES.workEnd, 17],
    [SETTING_NAMES.ncAnalysisDays, 5],
  ],
};

export const CITIES_SCHEMA: TableSchema = {
  entity: "cities",
  table: PARAMETER_TABLES.cities,
  sheet: SHEETS.parameters,
  anchor: null,
  style: "TableStyleLight9",
  columns: [text("city", CITY_HEADERS.city, 15, true), text("seccional", CITY_HEADERS.seccional, 50)],
  defaultRows: ALLIANCE_CITIES.map(({ city, seccional }) => [city, seccional]),
};

export const WEIGHTS_SCHEMA: TableSchema = {
  entity: "weights",
  table: PARAMETER_TABLES.weights,
  sheet: SHEETS.parameters,
  anchor: null,
  style: "TableStyleLight9",
  columns: [
    text("criterion", WEIGHT_HEADERS.criterion, 34, true),
    { key: "weight", header: WEIGHT_HEADERS.weight, kind: "percent", required: true, numberFormat: PERCENT_FORMAT, width: 9, aliases: [] },
  ],
  defaultRows: DEFAULT_WEIGHT_ROWS.map(([criterion, weight]) => [criterion, weight]),
};

export const RATING_BANDS_SCHEMA: TableSchema = {
  entity: "ratingBands",
  table: PARAMETER_TABLES.ratingBands,
  sheet: SHEETS.parameters,
  anchor: null,
  style: "TableStyleLight9",
  columns: [
    text("rating", RATING_BAND_HEADERS.rating, 13, true),
    { key: "minimum", header: RATING_BAND_HEADERS.minimum, kind: "number", required: true, width: 15, aliases: [] },
    text("decision", RATING_BAND_HEADERS.decision, 52),
  ],
  defaultRows: DEFAULT_RATING_BAND_ROWS.map(([rating, minimum, decision]) => [rating, minimum, decision]),
};

export const EXTRA_HOLIDAYS_SCHEMA: TableSchema = {
  entity: "extraHolidays",
  table: TABLES.extraHolidays,
  sheet: SHEETS.parameters,
  anchor: null,
  style: "TableStyleLight9",
  columns: [
    { key: "date", header: EXTRA_HOLIDAY_HEADERS.date, kind: "date", required: true, numberFormat: DATE_FORMAT, width: 13, aliases: ["Festivo", "Día"] },
    text("reason", EXTRA_HOLIDAY_HEADERS.reason, 30),
  ],
};

/** The Parámetros tables in the order they are laid out left to right. */
export const PARAMETER_SCHEMAS: readonly TableSchema[] = [
  SETTINGS_SCHEMA,
  CITIES_SCHEMA,
  WEIGHTS_SCHEMA,
  RATING_BANDS_SCHEMA,
  EXTRA_HOLIDAYS_SCHEMA,
];
