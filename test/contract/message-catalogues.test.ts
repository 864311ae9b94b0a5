import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * Spanish messages live in one catalogue per module (a `messages.ts` beside the code, as HyperFormula keeps
 * its error messages), so that one idea has one wording. This scan reads every string, template and JSX text
 * of src/ and fails on a Spanish sentence written anywhere else.
 */

const root = resolve(__dirname, "..", "..");

/** Catalogues: message catalogues, and the catalogue of rule titles the docs are checked against. */
const CATALOGUE = /(^|\/|-)messages\.ts$|^src\/domain\/validation\/rule-catalogue\.ts$/;

/**
 * Files of labels, not messages: column headers, list values and sheet layouts (what a sheet shows), sample
 * data, holiday names, the CLI's help pages and the developers' benchmarks.
 */
const LABEL_FILES: readonly RegExp[] = [
  /^src\/domain\/workbook\/headers\.ts$/,
  /^src\/domain\/workbook\/[a-z-]+-schema\.ts$/,
  /^src\/domain\/(evaluation|indicators)\/sheet-layout\.ts$/,
  /^src\/domain\/indicators\/stages\.ts$/,
  /^src\/domain\/evaluation\/rating\.ts$/,
  /^src\/domain\/calendar\/colombian-holidays\.ts$/,
  /^src\/cli\/help-text\.ts$/,
  /^src\/sample\/(alliances|operations|nonconformities|holidays|legacy-cuadro)\.ts$/,
  /^src\/bench\//,
];

/** A formula or a piece of one: `=IF(…`, `IFERROR(…`. */
const FORMULA = /^=|[A-Z]{2,}\(/;

const SPANISH = /[áéíóúñ¿¡«»]|\b(de|del|la|el|los|las|que|una|para|con|por|se|sin|es|hoja|celda|fila)\b/i;

/**
 * A sentence: at least five words, or two words with sentence punctuation ("Validando el cuadro…",
 * "Elija el tipo."). Labels ("Fecha compromiso", "Generar evaluación") and formulas pass.
 */
export function isSpanishSentence(text: string): boolean {
  const trimmed = text.trim();
  if (!/\s/.test(trimmed) || FORMULA.test(trimmed) || !SPANISH.test(trimmed)) return false;
  const words = trimmed.split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
  return words.length >= 5 || (words.length >= 2 && /([.…:;!?]\s|[.…:!?]$)/.test(trimmed));
}

interface Inline {
  file: string;
  line: number;
  text: string;
}

/** The Spanish sentences written in a file's literals (templates read with their holes as "#"). */
export function inlineSentences(file: string, source: string): Inline[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Inline[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((span) => `# ${span.literal.text}`).join("");
    else if (ts.isJsxText(node)) text = node.text;
    if (text !== null && isSpanishSentence(text)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().replace(/\s+/g, " ") });
    }
    if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("Spanish messages live in the catalogues", () => {
  const files = sourceFiles(join(root, "src")).map((path) => relative(root, path).split("\\").join("/"));

  it("finds the source files and the catalogues", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => CATALOGUE.test(file)).length).toBeGreaterThanOrEqual(10);
  });

  it("writes no Spanish sentence inline outside a catalogue or a file of labels", () => {
    const checked = files.filter((file) => !CATALOGUE.test(file) && !LABEL_FILES.some((pattern) => pattern.test(file)));
    const inline = checked.flatMap((file) => inlineSentences(file, readFileSync(join(root, file), "utf8")));
    expect(inline.map(({ file, line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
  });

  it.each([
    ['throw new Error("No se encontró la hoja de operaciones.");', 1],
    ["const m = `La celda ${cell} cambió desde que se leyó; vuelva a intentarlo`;", 1],
    ["const el = <p>Validando el cuadro…</p>;", 1],
    ['const label = "Fecha compromiso"; const f = \'=IF(A1="Sí","No cumple","")\';', 0],
    ['const kind = "fuera-de-alcance"; const sheet = "Operaciones";', 0],
  ])("tells a planted sentence from a label: %s", (source, count) => {
    expect(inlineSentences("planted.tsx", source)).toHaveLength(count);
  });
});
