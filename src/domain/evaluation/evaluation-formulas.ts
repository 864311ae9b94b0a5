import type { BandSource, WeightSource } from "./parameter-sources";
import { decisionConstants } from "./parameter-sources";
import type { EvaluationColumnKey } from "./sheet-layout";
import { columnRef, quoted, thisRow } from "./structured-refs";
import { CHANGE_DOWN, CHANGE_SAME, CHANGE_UP } from "./history";

/** The live formulas of one evaluation row; column names as the table spells them. */
export interface FormulaContext {
  header: (key: EvaluationColumnKey) => string;
  weights: WeightSource;
  bands: BandSource;
}

export const NO_OPERATIONS = "Sin operaciones";
export const PENDING = "Pendiente";

const CRITERIA = ["c1", "c2", "c3", "c4", "c5"] as const;

/**
 * Puntaje = Σ score × weight / Σ weight / 5 × 100, blank without operations or until all five criteria have a
 * score; weights are read live from Parámetros, so editing a weight or typing C4/C5 updates it at once. Dividing
 * by the total keeps 0–100 whether the weights are typed as 35 % or as 35.
 */
export function scoreFormula(ctx: FormulaContext): string {
  const ref = (key: EvaluationColumnKey) => thisRow(ctx.header(key));
  const scores = CRITERIA.map((c) => ref(c)).join(",");
  const weighted = CRITERIA.map((c) => `${ref(c)}*${ctx.weights.terms[c]}`).join("+");
  const total = CRITERIA.map((c) => ctx.weights.terms[c]).join("+");
  return `=IF(${ref("operations")}=0,"",IF(COUNT(${scores})<5,"",ROUND((${weighted})/(${total})/5*100,2)))`;
}

/**
 * Calificación: Sin operaciones / Deficiente by criterio excluyente / Pendiente / the band of Puntaje. Only native
 * functions, reading the band minimums from Parámetros, so the rating is right in an Excel without the add-in, in
 * Excel on the web and in LibreOffice (ADUANA.CALIFICACION stays for users who type it).
 */
export function ratingFormula(ctx: FormulaContext): string {
  const ref = (key: EvaluationColumnKey) => thisRow(ctx.header(key));
  const score = ref("score");
  const { bands } = ctx.bands;
  const terms = ctx.bands.minimumTerms ?? {
    excellent: String(bands.excellent),
    good: String(bands.good),
    acceptable: String(bands.acceptable),
  };
  const rated =
    `IF(${score}>=${terms.excellent},"Excelente",IF(${score}>=${terms.good},"Bueno",` +
    `IF(${score}>=${terms.acceptable},"Aceptable","Deficiente")))`;
  return (
    `=IF(${ref("operations")}=0,${quoted(NO_OPERATIONS)},IF(${ref("excluding")}="Sí","Deficiente",` +
    `IF(${score}="",${quoted(PENDING)},${rated})))`
  );
}

/** Decisión: looked up in tblBandasCalificacion when it lists them, else SPEC's decisions; blank when unrated. */
export function decisionFormula(ctx: FormulaContext): string {
  const rating = thisRow(ctx.header("rating"));
  const lookup = ctx.bands.decisionLookup;
  if (!lookup) return `=${decisionConstants(rating, ctx.bands.decisions)}`;
  return (
    `=IFERROR(INDEX(${columnRef(lookup.table, lookup.decisionColumn)},` +
    `MATCH(${rating},${columnRef(lookup.table, lookup.ratingColumn)},0)),"")`
  );
}

/** Variación: ▲ / ▼ / = against the previous year's Puntaje, blank while either is missing. */
export function changeFormula(ctx: FormulaContext): string {
  const score = thisRow(ctx.header("score"));
  const previous = thisRow(ctx.header("previousScore"));
  return (
    `=IF(OR(${score}="",${previous}=""),"",IF(${score}>${previous},${quoted(CHANGE_UP)},` +
    `IF(${score}<${previous},${quoted(CHANGE_DOWN)},${quoted(CHANGE_SAME)})))`
  );
}

/** Every live formula of an evaluation row, by column. */
export function rowFormulas(ctx: FormulaContext): [EvaluationColumnKey, string][] {
  return [
    ["score", scoreFormula(ctx)],
    ["rating", ratingFormula(ctx)],
    ["decision", decisionFormula(ctx)],
    ["change", changeFormula(ctx)],
  ];
}
