/**
 * Formulas as the user sees them (and as the domain writes them) versus as an .xlsx file stores them.
 *
 * UI form:   =ADUANA.TIEMPO_SERVICIO([@[Fecha levante / autorización]],[@DO])   (Office.js `range.formulas`)
 * File form:  _xldudf_ADUANA_TIEMPO_SERVICIO(tblOperaciones[[#This Row],[Fecha levante / autorización]],…)
 *
 * Excel saves JavaScript custom functions as `_xldudf_<NAMESPACE>_<NAME>` and maps them back when the add-in
 * registers its functions; a bare `ADUANA.X(` written by another tool stays uncalculated until re-entered
 * (OfficeDev/Excel-Custom-Functions#108, OfficeDev/office-js#3872). Functions newer than Excel 2007 carry `_xlfn.`.
 */

const CUSTOM_NAMESPACE = "ADUANA";
const CUSTOM_FILE_PREFIX = `_xldudf_${CUSTOM_NAMESPACE}_`;

/** Functions Excel stores with the `_xlfn.` prefix (those the add-in or a coordinator may plausibly use). */
const FUTURE_FUNCTIONS = new Set([
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "IFNA",
  "XLOOKUP",
  "XMATCH",
  "NETWORKDAYS.INTL",
  "WORKDAY.INTL",
  "DAYS",
  "ISOWEEKNUM",
  "AGGREGATE",
  "LET",
  "FILTER",
  "UNIQUE",
  "SORT",
  "SEQUENCE",
]);

// Characters that force the inner brackets in `[@[Col]]` (Excel shows `[@Col]` otherwise).
const NEEDS_INNER_BRACKETS = /[\s,:.[\]#'"{}$^&*+=\-<>/()!%@;?|\\~`]/;

function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_.\\]/u.test(ch);
}

/** Index just past the bracket group opening at `start` (nested brackets, `'` escapes the next character). */
function endOfBracketGroup(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++;
    } else if (ch === "[") {
      depth++;
    } else if (ch === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** Index just past a string literal opening at `start` ("" is an escaped quote). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** Index just past a quoted sheet name opening at `start` ('' is an escaped apostrophe). */
function endOfQuotedName(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** Column specifier of a this-row reference: `@[Col]`/`@Col` → `[Col]`, `@[A]:[B]` kept. */
function thisRowColumns(afterAt: string): string {
  const trimmed = afterAt.trim();
  if (trimmed === "") return "";
  return trimmed.startsWith("[") ? trimmed : `[${trimmed}]`;
}

// A calculated column repeats one formula text down 100,000 rows: convert each distinct text once.
// Keyed by table, then by the formula text itself, so a lookup builds no composite key string.
const CACHE_LIMIT = 10_000;

interface FormCache {
  readonly byTable: Map<string, Map<string, string>>;
  size: number;
}

const fileForms: FormCache = { byTable: new Map(), size: 0 };
const uiForms: FormCache = { byTable: new Map(), size: 0 };

function cached(
  cache: FormCache,
  formula: string,
  tableName: string | null,
  convert: (formula: string, tableName: string | null) => string,
): string {
  const table = tableName ?? "";
  let forms = cache.byTable.get(table);
  if (forms === undefined) {
    forms = new Map();
    cache.byTable.set(table, forms);
  }
  let converted = forms.get(formula);
  if (converted === undefined) {
    converted = convert(formula, tableName);
    if (cache.size >= CACHE_LIMIT) {
      for (const other of cache.byTable.values()) other.clear();
      cache.size = 0;
    }
    forms.set(formula, converted);
    cache.size++;
  }
  return converted;
}

type BracketRewrite = (tablePrefix: string, group: string) => string;

/** Walks a formula outside string literals and quoted names, rewriting bracket groups and function names. */
function rewrite(formula: string, onBracket: BracketRewrite, onName: (name: string, next: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"') {
      const end = endOfString(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = endOfQuotedName(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "[") {
      const end = endOfBracketGroup(formula, i);
      let prefixStart = out.length;
      while (prefixStart > 0 && isIdentifierChar(out[prefixStart - 1])) prefixStart--;
      const prefix = out.slice(prefixStart);
      out = out.slice(0, prefixStart) + onBracket(prefix, formula.slice(i, end));
      i = end;
    } else if (/[\p{L}_\\]/u.test(ch) && !isIdentifierChar(out[out.length - 1])) {
      let end = i;
      while (end < formula.length && isIdentifierChar(formula[end])) end++;
      out += onName(formula.slice(i, end), formula[end] ?? "");
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * UI form → file form, for a cell inside table `tableName` (null outside tables). Leading "=" is dropped.
 * @example toFileFormula("=[@[Fecha levante]]+1", "tblOperaciones") // "tblOperaciones[[#This Row],[Fecha levante]]+1"
 */
export function toFileFormula(formula: string, tableName: string | null): string {
  return cached(fileForms, formula, tableName, convertToFile);
}

function convertToFile(formula: string, tableName: string | null): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return rewrite(
    body,
    (prefix, group) => {
      const table = prefix === "" ? tableName : prefix;
      const inner = group.slice(1, -1);
      if (!table || /^\d+$/.test(inner)) return prefix + group;
      if (inner.startsWith("@")) {
        const columns = thisRowColumns(inner.slice(1));
        return columns === "" ? `${table}[#This Row]` : `${table}[[#This Row],${columns}]`;
      }
      return `${table}${group}`;
    },
    (name, next) => {
      const upper = name.toUpperCase();
      if (next === "(" && upper.startsWith(`${CUSTOM_NAMESPACE}.`)) {
        return CUSTOM_FILE_PREFIX + upper.slice(CUSTOM_NAMESPACE.length + 1);
      }
      if (next === "(" && FUTURE_FUNCTIONS.has(upper)) return `_xlfn.${name}`;
      return name;
    },
  );
}

/** `[@Col]` when the name allows it, `[@[Col]]` otherwise, as Excel displays it. */
function thisRowReference(columnGroup: string): string {
  const single = /^\[((?:[^[\]']|'.)*)\]$/.exec(columnGroup);
  if (single && !NEEDS_INNER_BRACKETS.test(single[1] ?? "")) return `[@${single[1] ?? ""}]`;
  return `[@${columnGroup}]`;
}

/**
 * File form → UI form, for a cell inside table `tableName` (null outside tables). Returns "=…".
 * @example toUiFormula("tblOperaciones[[#This Row],[DO]]", "tblOperaciones") // "=[@DO]"
 */
export function toUiFormula(formula: string, tableName: string | null): string {
  return cached(uiForms, formula, tableName, convertToUi);
}

function convertToUi(formula: string, tableName: string | null): string {
  const body = rewrite(
    formula,
    (prefix, group) => {
      const match = /^\[\[#This Row\],(.*)\]$/i.exec(group);
      if (!match) {
        if (/^\[#This Row\]$/i.test(group)) return prefix === tableName ? "[@]" : `${prefix}[@]`;
        return prefix + group;
      }
      const reference = thisRowReference(match[1] ?? "");
      return prefix === tableName || prefix === "" ? reference : `${prefix}${reference}`;
    },
    (name, next) => {
      if (next !== "(") return name;
      if (name.toUpperCase().startsWith(CUSTOM_FILE_PREFIX.toUpperCase())) {
        return `${CUSTOM_NAMESPACE}.${name.slice(CUSTOM_FILE_PREFIX.length).toUpperCase()}`;
      }
      if (name.toLowerCase().startsWith("_xlfn.")) return name.slice("_xlfn.".length);
      return name;
    },
  );
  return `=${body}`;
}
