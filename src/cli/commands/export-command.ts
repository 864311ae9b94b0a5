import { CliMessages } from "../messages";
import { planStaticCopy } from "../../domain/workbook/static-copy";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../xlsx";
import { hasCharts } from "../../xlsx/workbook-file";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { checkOutputPath } from "../output-path";
import { EXPORT_HELP } from "../help-text";

/** `exportar <archivo.xlsx> --salida <copia.xlsx>`: a copy for people without the add-in (ADUANA formulas → values). */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["salida"], flags: ["sobrescribir"] });
  if (parsed.help) {
    io.stdout(EXPORT_HELP);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "exportar"));
  const output = parsed.values.get("salida");
  if (output === undefined) throw new UsageError(CliMessages.missingOutput("--salida <copia.xlsx>"));
  checkOutputPath(input, output, { overwrite: parsed.flags.has("sobrescribir") });
  io.progress?.phase("Leyendo…");
  const workbook = await loadWorkbookFile(input);
  const copy = planStaticCopy(readSnapshot(workbook), { today: io.today });
  const report = applyPlan(workbook, copy.plan);
  io.progress?.phase("Escribiendo…");
  await saveWorkbookFile(workbook, output);
  for (const note of copy.plan.notes) io.stdout(`• ${note}\n`);
  for (const warning of report.warnings) io.stderr(`! ${warning}\n`);
  if (await hasCharts(input)) {
    io.stderr(`! ${CliMessages.copyWithoutCharts}\n`);
  }
  io.stdout(`• ${CliMessages.exportNoteCells(copy.noteCells.join(", "))}\n`);
  io.stdout(`\n${CliMessages.written(output)}\n`);
  return EXIT.ok;
}
