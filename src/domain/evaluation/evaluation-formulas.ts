import type { BandSource, WeightSource } from "./parameter-sources";
import { decisionConstants } from "./parameter-sources";
import type { EvaluationColumnKey } from "./sheet-layout";
import { columnRef, quoted, thisRow } from "./structured-refs";

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

/** Calificación: Sin operaciones / Deficiente by criterio excluyente / Pendiente / ADUANA.CALIFICACION (or Parámetros' bands). */
export function ratingFormula(ctx: FormulaContext): string {
  const ref = (key: EvaluationColumnKey) => thisRow(ctx.header(key));
  const score = ref("score");
  const terms = ctx.bands.minimumTerms;
  const rated = terms
    ? `IF(${score}>=${terms.excellent},"Excelente",IF(${score}>=${terms.good},"Bueno",` +
      `IF(${score}>=${terms.acceptable},"Aceptable","Deficiente")))`
    : `ADUANA.CALIFICACION(${score})`;
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
