import { CliMessages } from "../messages";
import { formatSerial, isSupportedSerial, serialFromIsoDate } from "../../domain/calendar";
import { REASON_LABELS, daysLeftText, followUp, followUpToJson } from "../../domain/followup";
import type { FollowUp } from "../../domain/followup";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { FOLLOW_UP_HELP } from "../help-text";
import { readWorkbook } from "./workbook-input";

/** "--hoy 2026-06-27" → serial; a usage error naming the expected form otherwise. */
export function parseTodayOption(text: string): number {
  const serial = serialFromIsoDate(text);
  if (serial === null || !isSupportedSerial(serial)) throw new UsageError(CliMessages.invalidToday(text));
  return serial;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? "").length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((c, col) => c.padEnd(widths[col] ?? 0)).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function followUpText(file: string, result: FollowUp): string {
  const lines = [CliMessages.followUpTitle(file, formatSerial(result.today)), ""];
  if (result.operations.length === 0) {
    lines.push(CliMessages.followUpNoOperations);
  } else {
    lines.push(CliMessages.followUpOperations(result.operations.length));
    lines.push(
      ...table(
        ["DO", "Aliado", "Ciudad", "Coordinador", "Estado", "Vence", "Días hábiles", "Celda"],
        result.operations.map((o) => [
          o.do,
          o.alliance,
          o.city || "—",
          o.coordinator || "—",
          o.status,
          formatSerial(o.dueDate),
          daysLeftText(o.businessDaysLeft),
          `${o.sheet}!${o.cell}`,
        ]),
      ),
    );
  }
  lines.push("");
  if (result.nonconformities.length === 0) {
    lines.push(CliMessages.followUpNoNonconformities);
  } else {
    lines.push(CliMessages.followUpNonconformities(result.nonconformities.length));
    lines.push(
      ...table(
        ["Nº", "Aliado", "Motivo", "Fecha límite", "Celda"],
        result.nonconformities.map((n) => [
          n.number,
          n.alliance || "—",
          REASON_LABELS[n.reason],
          n.dueDate === null ? "—" : formatSerial(n.dueDate),
          `${n.sheet}!${n.cell}`,
        ]),
      ),
    );
  }
  lines.push("");
  return lines.join("\n");
}

/** `seguimiento <archivo.xlsx> [--hoy AAAA-MM-DD] [--json]`: today's open DOs at risk and NCs that need action. */
export async function followUpCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["hoy"], flags: ["json"] });
  if (parsed.help) {
    io.stdout(FOLLOW_UP_HELP);
    return EXIT.ok;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "seguimiento"));
  const todayText = parsed.values.get("hoy");
  const today = todayText === undefined ? io.today : parseTodayOption(todayText);
  io.progress?.phase("Leyendo…");
  const snapshot = await readWorkbook(file, { allowEmpty: false, io });
  const result = followUp(snapshot, today);
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(followUpToJson(result))}\n` : followUpText(file, result));
  return EXIT.ok;
}
