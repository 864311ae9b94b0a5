import type { CellValue } from "../domain/workbook/snapshot";

/**
 * What to hand Excel's `formulas` setter so the cell ends up holding exactly `value`.
 * Excel parses typed-looking text ("0012", "1/2", "=x", "TRUE"); a leading apostrophe keeps such text as text.
 */
export function entryForValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return looksParsable(value) ? `'${value}` : value;
}

/** Text Excel would turn into a number, date, boolean, error or formula when typed into a cell. */
function looksParsable(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@'#]/.test(text)) return true;
  if (/^(true|false|verdadero|falso)$/i.test(text.trim())) return true;
  // Digits with only separators, signs, currency or percent: numbers, dates, times and fractions.
  return /^[\s\d.,:/%$()-]+$/.test(text) && /\d/.test(text);
}

/** The cell's content as a Plan's `expected` describes it: its formula, else its value, null when empty. */
export function contentOf(value: unknown, formula: unknown): CellValue {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** True when two cell contents are the same for conflict detection (numbers within rounding noise). */
export function sameContent(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return (a ?? null) === (b ?? null);
}
