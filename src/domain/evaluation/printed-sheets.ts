import { evaluationSheetName } from "./sheet-layout";

/** Lower case without accents, so «Ficha», «FICHAS» and «Fíchas» compare alike. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * The sheets that make up the printed record of the `year` evaluation, in print order: `Evaluación AAAA`, then the
 * partners' fichas of that year (any sheet whose name starts with «Ficha» and names the year, e.g. «Fichas 2025»),
 * in tab order. `evaluar --pdf` prints exactly these; adjust here when the fichas' sheets are named otherwise.
 * @example printedEvaluationSheets(["Operaciones", "Evaluación 2025", "Fichas 2025"], 2025) // ["Evaluación 2025", "Fichas 2025"]
 */
export function printedEvaluationSheets(sheetNames: readonly string[], year: number): string[] {
  const evaluation = evaluationSheetName(year);
  const yearWord = new RegExp(`(^|\\D)${year}(\\D|$)`);
  const fichas = sheetNames.filter((name) => folded(name).startsWith("ficha") && yearWord.test(name));
  return [...sheetNames.filter((name) => name === evaluation), ...fichas];
}
