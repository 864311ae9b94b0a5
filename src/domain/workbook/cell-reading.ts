import { FIRST_CALENDAR_SERIAL, LAST_CALENDAR_SERIAL } from "../calendar";
import type { CellValue } from "./snapshot";

/** Text of a cell as a coordinator sees it: trimmed; numbers without a trailing ".0". */
export function readText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  return String(value);
}

/**
 * Text of a cell as MATCH compares it: as typed, spaces included ("" when only spaces), for names that the
 * sheet's formulas look up (Aliado).
 */
export function readTypedText(value: CellValue | undefined): string {
  const trimmed = readText(value);
  return trimmed !== "" && typeof value === "string" ? value : trimmed;
}

/** A date cell's serial, or null when empty, text, or outside the calendar (1984–2200). */
export function readDate(value: CellValue | undefined): number | null {
  return typeof value === "number" && value >= FIRST_CALENDAR_SERIAL && value < LAST_CALENDAR_SERIAL + 1 ? value : null;
}

export function readNumber(value: CellValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Case-insensitive comparison key, as Excel's "=" and MATCH compare text (toLocaleLowerCase is 50× slower). */
export function excelTextKey(text: string): string {
  return text.toLowerCase();
}

const looseKeys = new Map<string, string>();
/** Enough for every alliance, city, status and type of a book; a column of free text only refills it. */
const LOOSE_KEYS_KEPT = 10_000;

/** Accent-, case- and space-insensitive key, for suggesting the value a coordinator meant. */
export function looseTextKey(text: string): string {
  // The same few names are compared for each of 100,000 DOs: the Unicode normalisation is done once per text.
  const known = looseKeys.get(text);
  if (known !== undefined) return known;
  const key = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  if (looseKeys.size >= LOOSE_KEYS_KEPT) looseKeys.clear();
  looseKeys.set(text, key);
  return key;
}

const listIndexes = new WeakMap<readonly string[], Map<string, string>>();

/** The list value a text stands for when only its case differs (Excel treats them alike), else the text. */
export function canonicalListValue(text: string, list: readonly string[]): string {
  let index = listIndexes.get(list);
  if (!index) {
    index = new Map(list.flatMap((item) => [[item, item], [excelTextKey(item), item]]));
    listIndexes.set(list, index);
  }
  return index.get(text) ?? index.get(excelTextKey(text)) ?? text;
}
