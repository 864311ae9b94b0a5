import { looseTextKey } from "../workbook/cell-reading";

/**
 * Comparison key of a typed name or list value: accents, case and stray spaces do not matter, so
 * "Aliado  Cúcuta " and "aliado cucuta" name the same alliance and "Si" counts as "Sí".
 */
export const textKey = looseTextKey;

export function sameText(a: string, b: string): boolean {
  return textKey(a) === textKey(b);
}
