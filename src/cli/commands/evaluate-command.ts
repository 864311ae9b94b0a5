import { EvaluationRefusedError, evaluateWorkbook, evaluationToJson, partialLabel, partialWarning, planEvaluation } from "../../domain/evaluation";
import type { EvaluationJson } from "../../domain/evaluation";
import { applyPlan, readSnapshot, saveWorkbookFile, UnusableInputError } from "../../xlsx";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { EVALUATE_HELP } from "../help-text";
import { checkOutputPath, openWorkbook } from "./workbook-input";

function percent(value: number | null): string {
  return value === null ? "—" : `${value.toLocaleString("es-CO", { maximumFractionDigits: 1 })} %`;
}

function evaluationText(json: EvaluationJson, output: string, partial: string | null): string {
  const title = `Evaluación de desempeño ${json.year}${partial ? ` ${partial}` : ""} — ${json.alliances.length} alianzas`;
  const lines = [title, ""];
  const width = Math.max(6, ...json.alliances.map((a) => a.alliance.length));
  lines.push(`  ${"Aliado".padEnd(width)}  ${"DOs".padStart(5)}  ${"A tiempo".padStart(9)}  ${"NC".padStart(3)}  ${"Puntaje".padStart(7)}  Calificación`);
  for (const a of json.alliances) {
    const score = a.score === null ? "—" : a.score.toLocaleString("es-CO", { maximumFractionDigits: 1 });
    lines.push(
      `  ${a.alliance.padEnd(width)}  ${String(a.operations).padStart(5)}  ${percent(a.onTimePct).padStart(9)}  ${String(a.nonconformities).padStart(3)}  ${score.padStart(7)}  ${a.rating ?? "—"}`,
    );
  }
  lines.push("", `Se escribió «${output}».`, "");
  return lines.join("\n");
}

/** `evaluar <archivo.xlsx> --anio AAAA --salida <salida.xlsx> [--json]`: the annual evaluation of a file. */
export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["anio", "salida"], flags: ["json"] });
  if (parsed.help) {
    io.stdout(EVALUATE_HELP);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError("Falta el archivo de entrada.");
  if (extra.length > 0) throw new UsageError(`Sobra el argumento «${extra[0] ?? ""}»: evaluar recibe un solo archivo de entrada.`);
  const yearText = parsed.values.get("anio");
  if (yearText === undefined) throw new UsageError("Falta la opción --anio AAAA (el año que se evalúa).");
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`El año «${yearText}» no es válido: escriba cuatro dígitos, por ejemplo --anio 2025.`);
  const year = Number(yearText);
  const output = parsed.values.get("salida");
  if (output === undefined) throw new UsageError("Falta la opción --salida <salida.xlsx>.");
  checkOutputPath(input, output);
  const { workbook, snapshot } = await openWorkbook(input, { allowEmpty: false });
  let plan;
  try {
    plan = planEvaluation(snapshot, { year, today: io.today });
  } catch (error) {
    // A year without DOs, a workbook without alliances: one sentence, exit 2, nothing written.
    if (error instanceof EvaluationRefusedError) throw new UnusableInputError(error.message, { cause: error });
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const report = applyPlan(workbook, plan);
  await saveWorkbookFile(workbook, output);
  // The weights and bands the sheet's formulas reference, so the report matches the Puntaje the file shows.
  const result = evaluateWorkbook(readSnapshot(workbook), year, io.today);
  const json = evaluationToJson(result);
  // With --json stdout carries only the JSON; notes go to stderr.
  const say = parsed.flags.has("json") ? io.stderr : io.stdout;
  // The partial-year warning goes to stderr in both modes: a script reading stdout must not miss it.
  const partial = partialWarning(year, result.partialThrough);
  if (partial) io.stderr(`! ${partial}\n`);
  for (const note of plan.notes) if (note !== partial) say(`• ${note}\n`);
  for (const warning of report.warnings) say(`! ${warning}\n`);
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(json)}\n` : evaluationText(json, output, partialLabel(result.partialThrough)));
  return EXIT.ok;
}
