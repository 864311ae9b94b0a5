import { CliMessages } from "../messages";
import { copyFile } from "node:fs/promises";
import { planPreparation } from "../../domain/workbook/plan-preparation";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { checkOutputPath } from "../output-path";
import { PREPARE_HELP } from "../help-text";
import { readWorkbook } from "./workbook-input";

/** `preparar <entrada.xlsx> --salida <salida.xlsx>`: writes the structured workbook; the input is never touched. */
export async function prepareCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["salida"], flags: ["sobrescribir"] });
  if (parsed.help) {
    io.stdout(PREPARE_HELP);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "preparar"));
  const output = parsed.values.get("salida");
  if (output === undefined) throw new UsageError(CliMessages.missingOutput("--salida <salida.xlsx>"));
  checkOutputPath(input, output, { overwrite: parsed.flags.has("sobrescribir") });
  io.progress?.phase("Leyendo…");
  // Planning needs only the streamed Snapshot; ExcelJS loads the book only when there is something to change. The
  // Snapshot is not kept: at 100,000 rows it is a few hundred MB that the writing need not carry.
  const plan = planPreparation(await readWorkbook(input, { allowEmpty: true, io }), { today: io.today });
  if (plan.steps.length === 0) {
    // Nothing to change: the output is the input's exact bytes, never a re-serialised package.
    io.progress?.phase("Escribiendo…");
    await copyFile(input, output);
    io.stdout([`• ${CliMessages.alreadyPrepared}`, CliMessages.writtenUnchanged(output), ""].join("\n"));
    return EXIT.ok;
  }
  io.progress?.phase("Escribiendo…");
  // The changed sheets are written into the original package, each existing sheet streamed row by row (faster than
  // ExcelJS's model at every size); the whole book goes through ExcelJS only when the package writer cannot do it.
  const { writePlanPackage } = await import("../../xlsx/package-writer");
  let report = await writePlanPackage(input, plan, output, { streamBigSheets: true, smallSheetBytes: 0 });
  if (report === null) {
    const { applyPlan, loadWorkbookFile, saveWorkbookFile } = await import("../../xlsx");
    const workbook = await loadWorkbookFile(input);
    report = applyPlan(workbook, plan);
    await saveWorkbookFile(workbook, output);
    // The whole book went through ExcelJS, which cannot carry charts: say so (the input keeps them).
    const { hasCharts } = await import("../../xlsx/workbook-file");
    if (await hasCharts(input)) report = { ...report, warnings: [...report.warnings, CliMessages.copyWithoutCharts] };
  }
  io.stdout([...plan.notes.map((note) => `• ${note}`), ...report.warnings.map((w) => `! ${w}`), CliMessages.written(output), ""].join("\n"));
  return EXIT.ok;
}
