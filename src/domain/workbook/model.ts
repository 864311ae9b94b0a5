import { DEFAULT_RATING_BAND_ROWS, DEFAULT_WEIGHT_ROWS } from "./parameters-schema";

/**
 * The workbook's tables read into typed records (built by readWorkbookModel from a Snapshot).
 * Dates are serial numbers, or null when empty or not a valid date (validation reports those).
 * `row` is the 0-based sheet row of the record, for findings and links back to the sheet.
 */
export interface OperationRecord {
  row: number;
  do: string;
  type: string;
  client: string;
  clientNit: string;
  city: string;
  mode: string;
  alliance: string;
  coordinator: string;
  opened: number | null;
  arrival: number | null;
  documentsComplete: number | null;
  declaration: number | null;
  release: number | null;
  delivery: number | null;
  invoiced: number | null;
  /** Business days of delay caused by the client or another authority; 0 when empty. */
  clientDelayDays: number;
  nc: string;
  notes: string;
}

export interface AllianceRecord {
  row: number;
  name: string;
  nit: string;
  cities: string[];
  contact: string;
  email: string;
  phone: string;
  contract: string;
  contractStart: number | null;
  contractEnd: number | null;
  importTarget: number | null;
  exportTarget: number | null;
  saturdayIsBusiness: boolean;
  status: string;
  certifications: string;
  restrictiveListCheck: number | null;
  contractFile: string;
}

export interface NonconformityRecord {
  row: number;
  number: string;
  date: number | null;
  type: string;
  do: string;
  alliance: string;
  description: string;
  severity: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  owner: string;
  dueDate: number | null;
  closedDate: number | null;
  effective: string;
  status: string;
}

export interface EvaluationWeights {
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export interface RatingBandsSetting {
  excellent: number;
  good: number;
  acceptable: number;
}

export interface WorkbookParameters {
  /** Fractions that add up to 1 (defaults 0.35 / 0.25 / 0.15 / 0.15 / 0.10). */
  weights: EvaluationWeights;
  bands: RatingBandsSetting;
  workStartHour: number;
  workEndHour: number;
  /** Business days a Mayor/Crítica NC may go without Causa raíz and Acción correctiva (nc-sin-analisis). */
  ncAnalysisDays: number;
}

export interface WorkbookModel {
  operations: OperationRecord[];
  alliances: AllianceRecord[];
  nonconformities: NonconformityRecord[];
  /** The days of tblFestivosExtra[Fecha] (a value that is not a date is left out; see `extraHolidaysInvalid`). */
  extraHolidays: number[];
  /**
   * True when tblFestivosExtra[Fecha] holds a value that is not a date (text, a logical value…): the ADUANA functions
   * that get the column then give #VALUE! on every row, and validation reports the cell.
   */
  extraHolidaysInvalid?: boolean;
  parameters: WorkbookParameters;
}

const [[, c1], [, c2], [, c3], [, c4], [, c5]] = DEFAULT_WEIGHT_ROWS;
const [[, excellent], [, good], [, acceptable]] = DEFAULT_RATING_BAND_ROWS;

export const DEFAULT_PARAMETERS: WorkbookParameters = {
  weights: { c1, c2, c3, c4, c5 },
  bands: { excellent, good, acceptable },
  workStartHour: 8,
  workEndHour: 17,
  ncAnalysisDays: 5,
};
