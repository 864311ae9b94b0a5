import { validateWorkbook } from "../../domain/validation";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { findingsJson, findingsText } from "../findings-report";
import { VALIDATE_HELP } from "../help-text";
import { openWorkbook } from "./workbook-input";

/** `validar <archivo.xlsx> [--json]`: exit 0 without errors, 1 with errors. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: [], flags: ["json"] });
  if (parsed.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT.ok;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError("Falta el archivo que se va a validar.");
  if (extra.length > 0) throw new UsageError(`Sobra el argumento «${extra[0] ?? ""}»: validar recibe un solo archivo.`);
  io.progress?.phase("Leyendo…");
  const { snapshot } = await openWorkbook(file, { allowEmpty: false });
  io.progress?.phase("Validando…");
  const report = validateWorkbook(snapshot, { today: io.today });
  io.stdout(parsed.flags.has("json") ? `${findingsJson(report)}\n` : findingsText(file, report));
  return report.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
