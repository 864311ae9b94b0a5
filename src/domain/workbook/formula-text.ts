/** Formula text comparison: the same formula as Excel may hand it back in another spelling. */

const STRING_LITERAL = /"(?:[^"]|"")*"/g;

function canonicalCode(code: string): string {
  return code
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/_XLFN\./g, "")
    .replace(/_XLDUDF_ADUANA_/g, "ADUANA.")
    .replace(/(?:[A-Z_][\w.]*)?\[\[#THISROW\],\[([^\]]+)\]\]/g, "[@[$1]]")
    .replace(/(?:[A-Z_][\w.]*)?\[@\[([^\]]+)\]\]/g, "[@[$1]]")
    .replace(/(?:[A-Z_][\w.]*)?\[@([^[\]]+)\]/g, "[@[$1]]");
}

/**
 * A formula in one spelling whatever way Excel or a file wrote it: no "=", no spaces, upper case outside
 * text literals, `[@Col]`, `tbl[@Col]` and `tbl[[#This Row],[Col]]` all as `[@[COL]]`.
 * @example canonicalFormula("=[@Tipo]") === canonicalFormula("tblOperaciones[[#This Row],[Tipo]]") // true
 */
export function canonicalFormula(formula: string): string {
  // A column of 100,000 formulas holds a handful of distinct texts: canonicalise each once.
  const cached = canonicalCache.get(formula);
  if (cached !== undefined) return cached;
  const canonical = computeCanonicalFormula(formula);
  if (canonicalCache.size >= MAX_CACHED_FORMULAS) canonicalCache.clear();
  canonicalCache.set(formula, canonical);
  return canonical;
}

const MAX_CACHED_FORMULAS = 1000;
const canonicalCache = new Map<string, string>();

function computeCanonicalFormula(formula: string): string {
  const text = formula.trim().replace(/^=/, "");
  let result = "";
  let last = 0;
  for (const literal of text.matchAll(STRING_LITERAL)) {
    const index = literal.index ?? 0;
    result += canonicalCode(text.slice(last, index)) + literal[0];
    last = index + literal[0].length;
  }
  return result + canonicalCode(text.slice(last));
}

export function sameFormula(a: string | null | undefined, b: string): boolean {
  if (a === null || a === undefined) return false;
  return a === b || canonicalFormula(a) === canonicalFormula(b);
}

/** A formula an earlier version of the add-in wrote (it calls an ADUANA function): safe to replace. */
export function isAddinFormula(formula: string): boolean {
  return /ADUANA[._]/i.test(formula);
}

/** Reference text compared loosely: "='Parámetros'!$B$2" ~ "Parámetros!B2". */
export function canonicalReference(reference: string): string {
  return reference.replace(/^=/, "").replace(/[$'\s]/g, "").toLowerCase();
}

/** List-validation source compared loosely: a formula, or a comma list with or without quotes. */
export function canonicalListSource(source: string): string {
  const text = source.trim().replace(/^=/, "");
  if (/^".*"$/.test(text)) {
    return text.slice(1, -1).split(",").map((item) => item.trim()).join(",").toLowerCase();
  }
  if (/[([]/.test(text)) return canonicalFormula(text);
  return text.split(",").map((item) => item.trim()).join(",").toLowerCase();
}
