import { CliMessages } from "../messages";
import { formatSerial } from "../../domain/calendar";
import { AGE_BANDS, IndicatorMessages, STAGES, STAGE_LABELS, STAGE_SHORT_LABELS, computeIndicators, indicatorsToJson, planIndicators } from "../../domain/indicators";
import type { IndicatorsResult, ServiceFigures } from "../../domain/indicators";
import { readWorkbookModel } from "../../domain/workbook/read-model";
import { parseArguments, UsageError } from "../arguments";
import { EXIT, type CliIo } from "../cli-io";
import { checkOutputPath } from "../output-path";
import { INDICATORS_HELP } from "../help-text";
import { applyPlan, saveWorkbookFile } from "../../xlsx";
import { hasCharts } from "../../xlsx/workbook-file";
import { openWorkbook, readWorkbook } from "./workbook-input";

const MONTHS = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];

function number(value: number | null, digits = 1): string {
  return value === null ? "—" : value.toLocaleString("es-CO", { maximumFractionDigits: digits });
}

function percent(value: number | null): string {
  return value === null ? "—" : `${number(value)} %`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((c, col) => (col === 0 ? c.padEnd(widths[col] ?? 0) : c.padStart(widths[col] ?? 0))).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function figureCells(f: ServiceFigures): string[] {
  return [String(f.opened), String(f.measured), String(f.onTime), percent(f.onTimePct), number(f.avgServiceDays), number(f.medianServiceDays)];
}

const FIGURE_HEADERS = ["Abiertos", "Medidos", "A tiempo", "% a tiempo", "Promedio", "Mediana"];

function indicatorsText(result: IndicatorsResult): string {
  const lines = [`Indicadores ${result.year}`, ""];
  lines.push(CliMessages.indicatorsByMonth);
  lines.push(
    ...table(["Mes", ...FIGURE_HEADERS], [
      ...result.months.map((m) => [MONTHS[m.month - 1] ?? String(m.month), ...figureCells(m.total)]),
      ["Año", ...figureCells(result.total)],
    ]),
  );
  lines.push("", CliMessages.indicatorsByAlliance);
  lines.push(...table(["Aliado", ...FIGURE_HEADERS], result.byAlliance.map((a) => [a.alliance, ...figureCells(a)])));
  lines.push("", CliMessages.indicatorsByCity);
  lines.push(...table(["Ciudad", ...FIGURE_HEADERS], result.byCity.map((c) => [c.city, ...figureCells(c)])));
  const stages = [...STAGES, "total" as const];
  lines.push("", CliMessages.indicatorsStages);
  lines.push(`  ${stages.map((s) => `${STAGE_SHORT_LABELS[s]}: ${STAGE_LABELS[s]}`).join("; ")}.`);
  lines.push(
    ...table(
      ["Aliado", ...stages.map((s) => STAGE_SHORT_LABELS[s])],
      result.alliances
        .filter((alliance) => result.stages.some((s) => s.alliance === alliance))
        .map((alliance) => [
          alliance,
          ...stages.map((stage) => {
            const row = result.stages.find((s) => s.alliance === alliance && s.stage === stage);
            return row ? `${number(row.median)} / ${number(row.p90)}` : "—";
          }),
        ]),
    ),
  );
  const nc = result.nonconformities;
  lines.push("", CliMessages.indicatorsNonconformities(nc.total, percent(nc.closedEffectivePct)));
  lines.push(...table(["Mes", "NC"], nc.byMonth.map((count, i) => [MONTHS[i] ?? "", String(count)])));
  lines.push(
    "",
    CliMessages.indicatorsOpenByAge(formatSerial(nc.asOf), AGE_BANDS.map((band) => `${band}: ${nc.openByAge[band]}`).join(" · ")),
    "",
  );
  return lines.join("\n");
}

/** `indicadores <archivo.xlsx> --anio AAAA [--salida <salida.xlsx>] [--json]`: the year's quality indicators, and the sheet. */
export async function indicatorsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, { withValue: ["anio", "salida"], flags: ["json", "sobrescribir"] });
  if (parsed.help) {
    io.stdout(INDICATORS_HELP);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new UsageError(CliMessages.missingInput);
  if (extra.length > 0) throw new UsageError(CliMessages.extraArgument(extra[0] ?? "", "indicadores"));
  const yearText = parsed.values.get("anio");
  if (yearText === undefined) throw new UsageError(CliMessages.missingYear(CliMessages.yearOfIndicators));
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(CliMessages.invalidYear(yearText));
  const year = Number(yearText);
  const output = parsed.values.get("salida");
  if (output !== undefined) checkOutputPath(input, output, { overwrite: parsed.flags.has("sobrescribir") });
  io.progress?.phase("Leyendo…");
  // The streamed Snapshot is all the figures need; writing grafts the one sheet into the original package.
  const snapshot = await readWorkbook(input, { allowEmpty: false, io });
  let result: IndicatorsResult;
  try {
    result = computeIndicators(readWorkbookModel(snapshot), year, io.today);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  // With --json stdout carries only the JSON; notes go to stderr.
  const say = parsed.flags.has("json") ? io.stderr : io.stdout;
  if (output !== undefined) {
    const plan = planIndicators(snapshot, { year, today: io.today });
    io.progress?.phase("Escribiendo…");
    // Only the indicators sheet changes: it is built on a small book and grafted into the original package (the
    // operations sheet is never loaded into ExcelJS, the book's charts stay); the whole book only when that fails.
    const { graftPlanPackage, writeGraftedPackage } = await import("../../xlsx/package-writer");
    const grafted = await graftPlanPackage(input, plan);
    let report;
    if (grafted) {
      report = grafted.report;
      await writeGraftedPackage(grafted, output);
    } else {
      const { workbook } = await openWorkbook(input, { allowEmpty: false });
      report = applyPlan(workbook, plan);
      await saveWorkbookFile(workbook, output);
    }
    for (const note of plan.notes) say(`• ${note}\n`);
    for (const warning of report.warnings) say(`! ${warning}\n`);
    if (!grafted && (await hasCharts(input))) say(`! ${CliMessages.copyWithoutCharts}\n`);
  } else if (result.unusableExtraHoliday) {
    say(`• ${IndicatorMessages.noServiceTime(result.unusableExtraHoliday)}\n`);
  }
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(indicatorsToJson(result))}\n` : indicatorsText(result));
  if (output !== undefined && !parsed.flags.has("json")) io.stdout(`${CliMessages.written(output)}\n`);
  return EXIT.ok;
}
