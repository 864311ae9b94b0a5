import { PARAMETER_TABLES, RATING_BAND_HEADERS, WEIGHT_HEADERS } from "../workbook/headers";
import { CRITERIA, readEvaluationWeights, readRatingBandMinimums, weightsAddUpTo100, weightsTotalPercent } from "../workbook/evaluation-parameters";
import type { CriterionKey } from "../workbook/evaluation-parameters";
import type { EvaluationWeights } from "../workbook/model";
import { DEFAULT_PARAMETERS } from "../workbook/model";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { Rating, RatingBands } from "./rating";
import { DEFAULT_RATING_BANDS, decisionForRating } from "./rating";
import { cellReader, dataRowCount, firstDataRow, tableColumn } from "../workbook/sheet-cells";
import { findTable } from "../workbook/table-location";
import { columnRef, quoted } from "./structured-refs";
import { textKey } from "./text-key";
import { EvaluationMessages } from "./messages";

export type { CriterionKey };
const RATINGS: readonly Rating[] = ["Excelente", "Bueno", "Aceptable", "Deficiente"];

/** Where Puntaje takes each weight from: the formula term and the value it has now. */
export interface WeightSource {
  /** `INDEX(tblPesosEvaluacion[Peso],n)`, or the default as a constant when Parámetros has no usable table. */
  terms: Record<CriterionKey, string>;
  values: EvaluationWeights;
  notes: string[];
}

/** Where Calificación and Decisión take the bands and decisions from. */
export interface BandSource {
  bands: RatingBands;
  /** Band minimums as formula terms read from tblBandasCalificacion; null = SPEC's minimums as constants. */
  minimumTerms: Record<"excellent" | "good" | "acceptable", string> | null;
  decisions: Record<Rating, string>;
  /** Decisión as a lookup on tblBandasCalificacion (null = a nested IF with SPEC's decisions). */
  decisionLookup: { table: string; decisionColumn: string; ratingColumn: string } | null;
}

/** Data rows of a Parámetros table as {index (1-based, for INDEX), key text, value} of two of its columns. */
function readPairs(snapshot: WorkbookSnapshot, tableName: string, keyHeader: string, valueHeader: string) {
  const located = findTable(snapshot, tableName);
  if (!located) return null;
  const keyCol = tableColumn(located.table, keyHeader);
  const valueCol = tableColumn(located.table, valueHeader);
  if (keyCol < 0 || valueCol < 0) return null;
  const cells = cellReader(located.sheet);
  const first = firstDataRow(located.table);
  return {
    table: located.table,
    rows: Array.from({ length: dataRowCount(located.table) }, (_, i) => ({
      index: i + 1,
      key: textKey(String(cells.value(first + i, keyCol) ?? "")),
      rawKey: cells.value(first + i, keyCol),
      value: cells.value(first + i, valueCol),
    })),
  };
}

export function readWeightSource(snapshot: WorkbookSnapshot): WeightSource {
  const defaults = DEFAULT_PARAMETERS.weights;
  const fallback = (note: string): WeightSource => ({
    terms: Object.fromEntries(CRITERIA.map((c) => [c, String(defaults[c])])) as Record<CriterionKey, string>,
    values: { ...defaults },
    notes: [note],
  });
  const pairs = readPairs(snapshot, PARAMETER_TABLES.weights, WEIGHT_HEADERS.criterion, WEIGHT_HEADERS.weight);
  if (!pairs) {
    return fallback(EvaluationMessages.weightsTableMissing(PARAMETER_TABLES.weights));
  }
  const reading = readEvaluationWeights(pairs.rows.map((r) => ({ criterion: r.rawKey, weight: r.value })));
  if (reading.kind === "missing") {
    return fallback(EvaluationMessages.weightMissing(PARAMETER_TABLES.weights, reading.criterion.toUpperCase()));
  }
  const terms = Object.fromEntries(
    CRITERIA.map((c) => [c, `INDEX(${columnRef(pairs.table.name, WEIGHT_HEADERS.weight)},${reading.rowIndex[c] + 1})`]),
  ) as Record<CriterionKey, string>;
  const values = { ...reading.values };
  const notes: string[] = [];
  if (!weightsAddUpTo100(CRITERIA.map((c) => values[c]))) {
    const total = weightsTotalPercent(CRITERIA.map((c) => values[c]));
    notes.push(EvaluationMessages.weightsNotHundred(PARAMETER_TABLES.weights, Math.round(total * 10) / 10));
  }
  return { terms, values, notes };
}

export function readBandSource(snapshot: WorkbookSnapshot): BandSource {
  const defaults: BandSource = {
    bands: DEFAULT_RATING_BANDS,
    minimumTerms: null,
    decisions: Object.fromEntries(RATINGS.map((r) => [r, decisionForRating(r)])) as Record<Rating, string>,
    decisionLookup: null,
  };
  const minimums = readPairs(
    snapshot,
    PARAMETER_TABLES.ratingBands,
    RATING_BAND_HEADERS.rating,
    RATING_BAND_HEADERS.minimum,
  );
  if (!minimums) return defaults;
  const source: BandSource = { ...defaults, decisions: { ...defaults.decisions } };
  const reading = readRatingBandMinimums(minimums.rows.map((r) => ({ rating: r.rawKey, minimum: r.value })));
  if (reading) {
    const term = (index: number) => `INDEX(${columnRef(minimums.table.name, RATING_BAND_HEADERS.minimum)},${index + 1})`;
    source.bands = { ...reading.bands };
    source.minimumTerms = { excellent: term(reading.rowIndex.excellent), good: term(reading.rowIndex.good), acceptable: term(reading.rowIndex.acceptable) };
  }

  const decisions = readPairs(
    snapshot,
    PARAMETER_TABLES.ratingBands,
    RATING_BAND_HEADERS.rating,
    RATING_BAND_HEADERS.decision,
  );
  const decisionRows = decisions ? RATINGS.map((r) => decisions.rows.find((row) => row.key === textKey(r))) : [];
  if (decisions && decisionRows.every((row) => row && typeof row.value === "string" && row.value.trim() !== "")) {
    RATINGS.forEach((rating, i) => {
      source.decisions[rating] = String(decisionRows[i]?.value ?? "");
    });
    source.decisionLookup = {
      table: decisions.table.name,
      decisionColumn: RATING_BAND_HEADERS.decision,
      ratingColumn: RATING_BAND_HEADERS.rating,
    };
  }
  return source;
}

/** Nested IF with SPEC's decisions, for a workbook without tblBandasCalificacion. */
export function decisionConstants(ratingRef: string, decisions: Record<Rating, string>): string {
  return RATINGS.reduceRight(
    (otherwise, rating) => `IF(${ratingRef}=${quoted(rating)},${quoted(decisions[rating])},${otherwise})`,
    '""',
  );
}
