import { PARAMETER_TABLES, RATING_BAND_HEADERS, WEIGHT_HEADERS } from "../workbook/headers";
import type { EvaluationWeights } from "../workbook/model";
import { DEFAULT_PARAMETERS } from "../workbook/model";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { Rating, RatingBands } from "./rating";
import { DEFAULT_RATING_BANDS, decisionForRating } from "./rating";
import { cellReader, dataRowCount, firstDataRow, locateTable, tableColumn } from "./snapshot-cells";
import { columnRef, quoted } from "./structured-refs";
import { textKey } from "./text-key";
import { EvaluationMessages } from "./messages";

export type CriterionKey = keyof EvaluationWeights;
const CRITERIA: readonly CriterionKey[] = ["c1", "c2", "c3", "c4", "c5"];
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

const numeric = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Data rows of a Parámetros table as {index (1-based, for INDEX), key text, value} of two of its columns. */
function readPairs(snapshot: WorkbookSnapshot, tableName: string, keyHeader: string, valueHeader: string) {
  const located = locateTable(snapshot, tableName);
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
  const terms = {} as Record<CriterionKey, string>;
  const values = {} as EvaluationWeights;
  for (const [position, criterion] of CRITERIA.entries()) {
    // "C1", "C1 Oportunidad (ANS)"…; rows not named by criterion are taken in order.
    const named = pairs.rows.find((r) => new RegExp(`^${criterion}\\b`).test(r.key));
    const row = named ?? pairs.rows[position];
    const weight = row ? numeric(row.value) : null;
    if (!row || weight === null) {
      return fallback(EvaluationMessages.weightMissing(PARAMETER_TABLES.weights, criterion.toUpperCase()));
    }
    terms[criterion] = `INDEX(${columnRef(pairs.table.name, WEIGHT_HEADERS.weight)},${row.index})`;
    values[criterion] = weight;
  }
  const notes: string[] = [];
  const total = CRITERIA.reduce((sum, c) => sum + values[c], 0);
  if (Math.abs(total - 1) > 1e-6) {
    notes.push(EvaluationMessages.weightsNotHundred(PARAMETER_TABLES.weights, Math.round(total * 1000) / 10));
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
  const rowOf = (rating: Rating) => minimums.rows.find((r) => r.key === textKey(rating));
  const source: BandSource = { ...defaults, decisions: { ...defaults.decisions } };

  const excellent = rowOf("Excelente");
  const good = rowOf("Bueno");
  const acceptable = rowOf("Aceptable");
  const e = excellent ? numeric(excellent.value) : null;
  const g = good ? numeric(good.value) : null;
  const a = acceptable ? numeric(acceptable.value) : null;
  if (excellent && good && acceptable && e !== null && g !== null && a !== null) {
    const term = (index: number) => `INDEX(${columnRef(minimums.table.name, RATING_BAND_HEADERS.minimum)},${index})`;
    source.bands = { excellent: e, good: g, acceptable: a };
    source.minimumTerms = { excellent: term(excellent.index), good: term(good.index), acceptable: term(acceptable.index) };
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
