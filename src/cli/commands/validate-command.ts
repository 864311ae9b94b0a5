import { CliMessages } from "../messages";
import { validateWorkbook } from "../../domain/validation";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { findingsJson, findingsText } from "../findings-report";
import { VALIDATE_HELP } from "../help-text";
import { readWorkbook } from "./workbook-input";

/** `validar <archivo.xlsx> [--json]`: exit 0 without errors, 1 with errors. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: [], flags: ["json"] });
  if (parsed.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT.ok;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "validar"));
  io.progress?.phase("Leyendo…");
  const snapshot = await readWorkbook(file, { allowEmpty: false, io });
  io.progress?.phase("Validando…");
  const report = validateWorkbook(snapshot, { today: io.today });
  io.stdout(parsed.flags.has("json") ? `${findingsJson(report)}\n` : findingsText(file, report));
  return report.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}
