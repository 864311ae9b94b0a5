/**
 * Comparison key of a typed name or list value: accents, case and stray spaces do not matter, so
 * "Aliado  Cúcuta " and "aliado cucuta" name the same alliance and "Si" counts as "Sí".
 */
export function textKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

export function sameText(a: string, b: string): boolean {
  return textKey(a) === textKey(b);
}
