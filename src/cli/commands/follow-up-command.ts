import { formatSerial, isSupportedSerial, serialFromIsoDate } from "../../domain/calendar";
import { REASON_LABELS, daysLeftText, followUp, followUpToJson } from "../../domain/followup";
import type { FollowUp } from "../../domain/followup";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { FOLLOW_UP_HELP } from "../help-text";
import { openWorkbook } from "./workbook-input";

/** "--hoy 2026-06-27" → serial; a usage error naming the expected form otherwise. */
export function parseTodayOption(text: string): number {
  const serial = serialFromIsoDate(text);
  if (serial === null || !isSupportedSerial(serial)) throw new UsageError(`La fecha «${text}» de --hoy no es válida: escríbala como AAAA-MM-DD, por ejemplo --hoy 2026-06-27.`);
  return serial;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? "").length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((c, col) => c.padEnd(widths[col] ?? 0)).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function followUpText(file: string, result: FollowUp): string {
  const lines = [`Seguimiento de «${file}» al ${formatSerial(result.today)}`, ""];
  if (result.operations.length === 0) {
    lines.push("Operaciones abiertas: ninguna vencida ni en riesgo.");
  } else {
    lines.push(`Operaciones abiertas vencidas o en riesgo (${result.operations.length}), la más urgente primero:`);
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
    lines.push("No conformidades: ninguna requiere acción.");
  } else {
    lines.push(`No conformidades que requieren acción (${result.nonconformities.length}):`);
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
  if (file === undefined) throw new UsageError("Falta el archivo del cuadro de control.");
  if (extra.length > 0) throw new UsageError(`Sobra el argumento «${extra[0] ?? ""}»: seguimiento recibe un solo archivo.`);
  const todayText = parsed.values.get("hoy");
  const today = todayText === undefined ? io.today : parseTodayOption(todayText);
  io.progress?.phase("Leyendo…");
  const { snapshot } = await openWorkbook(file, { allowEmpty: false });
  const result = followUp(snapshot, today);
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(followUpToJson(result))}\n` : followUpText(file, result));
  return EXIT.ok;
}
