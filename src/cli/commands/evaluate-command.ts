import type ExcelJS from "exceljs";
import { CliMessages } from "../messages";
import {
  EvaluationRefusedError,
  evaluateWorkbook,
  evaluationToJson,
  partialLabel,
  partialWarning,
  planEvaluation,
  printedEvaluationSheets,
} from "../../domain/evaluation";
import type { EvaluationJson } from "../../domain/evaluation";
import type { Plan } from "../../domain/workbook/plan";
import type { WorkbookSnapshot } from "../../domain/workbook/snapshot";
import type { ApplyReport } from "../../xlsx/apply-plan";
import { UnusableInputError } from "../../xlsx/unusable-input-error";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { checkOutputPath } from "../output-path";
import { EVALUATE_HELP } from "../help-text";
import { convertToPdf, findSoffice, LIBREOFFICE_MISSING } from "../libreoffice";
import { readWorkbook } from "./workbook-input";

function percent(value: number | null): string {
  return value === null ? "—" : `${value.toLocaleString("es-CO", { maximumFractionDigits: 1 })} %`;
}

function evaluationText(json: EvaluationJson, written: readonly string[], partial: string | null): string {
  const title = CliMessages.evaluationTitle(json.year, partial, json.alliances.length);
  const lines = [title, ""];
  const width = Math.max(6, ...json.alliances.map((a) => a.alliance.length));
  lines.push(`  ${"Aliado".padEnd(width)}  ${"DOs".padStart(5)}  ${"A tiempo".padStart(9)}  ${"NC".padStart(3)}  ${"Puntaje".padStart(7)}  Calificación`);
  for (const a of json.alliances) {
    const score = a.score === null ? "—" : a.score.toLocaleString("es-CO", { maximumFractionDigits: 1 });
    lines.push(
      `  ${a.alliance.padEnd(width)}  ${String(a.operations).padStart(5)}  ${percent(a.onTimePct).padStart(9)}  ${String(a.nonconformities).padStart(3)}  ${score.padStart(7)}  ${a.rating ?? "—"}`,
    );
  }
  lines.push("", ...written.map((file) => CliMessages.written(file)), "");
  return lines.join("\n");
}

/** The PDF path must be a .pdf other than the input and the .xlsx output; returns soffice, or refuses without it. */
function checkPdfOutput(input: string, pdf: string, output: string | undefined, overwrite: boolean): string {
  checkOutputPath(input, pdf, { overwrite, option: "--pdf", extension: ".pdf", others: output === undefined ? [] : [output] });
  const soffice = findSoffice();
  if (soffice === null) throw new UnusableInputError(LIBREOFFICE_MISSING);
  return soffice;
}

/** The book after the Plan: an ExcelJS book holding at least the sheets to print, its Snapshot and how to write it. */
interface EvaluatedBook {
  book: ExcelJS.Workbook;
  report: ApplyReport;
  snapshot: () => WorkbookSnapshot;
  write: (output: string) => Promise<void>;
  /** The whole book went through ExcelJS: charts of the input are not in what it writes. */
  wholeBook: boolean;
}

/**
 * Carries out the evaluation Plan. When it changes only small sheets (the evaluation, the fichas), they are built on a
 * small book and grafted into the original package, so the operations sheet is never loaded into ExcelJS; any other
 * Plan goes through the whole book, as it always did.
 */
async function evaluatedBook(input: string, before: WorkbookSnapshot, plan: Plan, printed: readonly string[]): Promise<EvaluatedBook> {
  const { graftPlanPackage, snapshotAfterGraft, writeGraftedPackage } = await import("../../xlsx/package-writer");
  const grafted = await graftPlanPackage(input, plan, { keepSheets: printed });
  const after = grafted && snapshotAfterGraft(before, grafted);
  if (grafted && after) {
    return { book: grafted.book, report: grafted.report, snapshot: () => after, write: (output) => writeGraftedPackage(grafted, output), wholeBook: false };
  }
  const { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } = await import("../../xlsx");
  const book = await loadWorkbookFile(input);
  const report = applyPlan(book, plan);
  return { book, report, snapshot: () => readSnapshot(book), write: (output) => saveWorkbookFile(book, output), wholeBook: true };
}

/** `evaluar <archivo.xlsx> --anio AAAA --salida <salida.xlsx> [--pdf <archivo.pdf>] [--json]`: the annual evaluation. */
export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["anio", "salida", "pdf"], flags: ["json", "sobrescribir"] });
  if (parsed.help) {
    io.stdout(EVALUATE_HELP);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "evaluar"));
  const yearText = parsed.values.get("anio");
  if (yearText === undefined) throw new UsageError(CliMessages.missingYear(CliMessages.yearOfEvaluation));
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(CliMessages.invalidYear(yearText));
  const year = Number(yearText);
  const output = parsed.values.get("salida");
  const pdf = parsed.values.get("pdf");
  if (output === undefined && pdf === undefined) throw new UsageError(CliMessages.missingOutput("--salida <salida.xlsx> (o --pdf <archivo.pdf>)"));
  if (output !== undefined) checkOutputPath(input, output, { overwrite: parsed.flags.has("sobrescribir") });
  // Before anything is written: without LibreOffice there is no PDF, and no half of the job either.
  const soffice = pdf === undefined ? null : checkPdfOutput(input, pdf, output, parsed.flags.has("sobrescribir"));
  io.progress?.phase("Leyendo…");
  const snapshot = await readWorkbook(input, { allowEmpty: false, io });
  io.progress?.phase("Evaluando…");
  let plan;
  try {
    plan = planEvaluation(snapshot, { year, today: io.today });
  } catch (error) {
    // A year without DOs, a workbook without alliances: one sentence, exit 2, nothing written.
    if (error instanceof EvaluationRefusedError) throw new UnusableInputError(error.message, { cause: error, code: "evaluacion-rechazada" });
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const evaluated = await evaluatedBook(input, snapshot, plan, pdf === undefined ? [] : printedEvaluationSheets(snapshot.sheets.map((s) => s.name), year));
  const written: string[] = [];
  // The PDF first: when LibreOffice fails, nothing at all is written.
  if (pdf !== undefined && soffice !== null) {
    io.progress?.phase("Imprimiendo…");
    const { printWorkbook } = await import("../../xlsx/print-workbook");
    const sheets = printedEvaluationSheets(evaluated.book.worksheets.map((ws) => ws.name), year);
    if (sheets.length === 0) throw new UnusableInputError(CliMessages.evaluationSheetNotFound(year, pdf));
    await convertToPdf(soffice, await printWorkbook(evaluated.book, sheets), pdf);
  }
  if (output !== undefined) {
    io.progress?.phase("Escribiendo…");
    await evaluated.write(output);
    written.push(output);
  }
  if (pdf !== undefined) written.push(pdf);
  // The weights and bands the sheet's formulas reference, so the report matches the Puntaje the file shows.
  const result = evaluateWorkbook(evaluated.snapshot(), year, io.today);
  const json = evaluationToJson(result);
  // With --json stdout carries only the JSON; notes go to stderr.
  const say = parsed.flags.has("json") ? io.stderr : io.stdout;
  // The partial-year warning goes to stderr in both modes: a script reading stdout must not miss it.
  const partial = partialWarning(year, result.partialThrough);
  if (partial) io.stderr(`! ${partial}\n`);
  for (const note of plan.notes) if (note !== partial) say(`• ${note}\n`);
  for (const warning of evaluated.report.warnings) say(`! ${warning}\n`);
  if (output !== undefined && evaluated.wholeBook) {
    const { hasCharts } = await import("../../xlsx/workbook-file");
    if (await hasCharts(input)) say(`! ${CliMessages.copyWithoutCharts}\n`);
  }
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(json)}\n` : evaluationText(json, written, partialLabel(result.partialThrough)));
  return EXIT.ok;
}
