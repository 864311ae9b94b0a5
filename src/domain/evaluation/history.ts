import { serialFromYmd, ymdFromSerial } from "../calendar";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import type { AllianceEvaluation } from "./compute-evaluation";
import { readEvaluationSheet } from "./evaluation-sheet";
import { decisionForRating } from "./rating";
import { readText } from "../workbook/cell-reading";
import { evaluationSheetName } from "./sheet-layout";
import { textKey } from "./text-key";

/** One alliance's result in `Evaluación AAAA-1`, as that sheet shows it. */
export interface PreviousResult {
  score: number | null;
  rating: string | null;
  decision: string | null;
}

export interface PreviousEvaluation {
  year: number;
  sheet: string;
  /** "Generada el" of that sheet, when it still says. */
  generated: number | null;
  byAlliance: ReadonlyMap<string, PreviousResult>;
}

/** The decision that asks for a re-evaluation within six months (SPEC §3, rating Aceptable). */
export const REEVALUATION_DECISION = decisionForRating("Aceptable");
export const REEVALUATION_MONTHS = 6;

const numberOrNull = (value: CellValue): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const textOrNull = (value: CellValue): string | null => (readText(value) === "" ? null : readText(value));

/** `Evaluación AAAA-1` read from the workbook, or null when there is none (or its table is gone). */
export function readPreviousEvaluation(snapshot: WorkbookSnapshot, year: number): PreviousEvaluation | null {
  const previous = readEvaluationSheet(snapshot, year - 1);
  if (!previous?.table) return null;
  const read = (row: number, key: "score" | "rating" | "decision"): CellValue => {
    const col = previous.columns.get(key);
    return col === undefined ? null : previous.cells.value(row, col);
  };
  const byAlliance = new Map<string, PreviousResult>();
  for (const { row, alliance } of previous.rows) {
    if (byAlliance.has(textKey(alliance))) continue;
    byAlliance.set(textKey(alliance), {
      score: numberOrNull(read(row, "score")),
      rating: textOrNull(read(row, "rating")),
      decision: textOrNull(read(row, "decision")),
    });
  }
  const generated = previous.generatedCell ? numberOrNull(previous.cells.value(previous.generatedCell.row, previous.generatedCell.col)) : null;
  return { year: year - 1, sheet: evaluationSheetName(year - 1), generated, byAlliance };
}

export function previousResultOf(previous: PreviousEvaluation | null, alliance: string): PreviousResult | null {
  return previous?.byAlliance.get(textKey(alliance)) ?? null;
}

/** "▲ Mejora" / "▼ Baja" / "= Igual", or "" while either score is missing. */
export const CHANGE_UP = "▲ Mejora";
export const CHANGE_DOWN = "▼ Baja";
export const CHANGE_SAME = "= Igual";

export function changeOf(score: number | null, previousScore: number | null): string {
  if (score === null || previousScore === null) return "";
  if (score > previousScore) return CHANGE_UP;
  if (score < previousScore) return CHANGE_DOWN;
  return CHANGE_SAME;
}

/** The date six months after `serial` (same day of month, or the month's last day), like Excel's EDATE. */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(Math.floor(serial));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = ymdFromSerial(serialFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
  return serialFromYmd(y, m, Math.min(day, lastDay));
}

export interface ReevaluationStatus {
  /** Date the re-evaluation falls due. */
  due: number;
  /** True when `today` is on or after `due`. */
  overdue: boolean;
}

/**
 * When the previous year's decision was "Plan de mejora; re-evaluación en 6 meses": its due date, six months after
 * that evaluation was generated (or after the end of the year it evaluated, when the sheet no longer says).
 */
export function reevaluationStatus(
  previous: PreviousEvaluation | null,
  result: PreviousResult | null,
  today: number,
): ReevaluationStatus | null {
  if (!previous || !result || result.decision === null || textKey(result.decision) !== textKey(REEVALUATION_DECISION)) {
    return null;
  }
  const from = previous.generated ?? serialFromYmd(previous.year, 12, 31);
  const due = addMonths(from, REEVALUATION_MONTHS);
  return { due, overdue: Math.floor(today) >= due };
}

/** Alliances of this year's result whose previous decision asked for a re-evaluation now due. */
export function dueReevaluations(previous: PreviousEvaluation | null, alliances: readonly AllianceEvaluation[], today: number) {
  return alliances.filter((a) => reevaluationStatus(previous, previousResultOf(previous, a.alliance), today)?.overdue === true);
}
