import { CliMessages } from "./messages";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ymdFromSerial } from "../domain/calendar";
import { computeEvaluation, lastCompleteYear } from "../domain/evaluation";
import { planLegacyCuadro, planSampleData } from "../sample";
import type { ValidationReport } from "../domain/validation/finding";
import { planPreparation } from "../domain/workbook/plan-preparation";
import { readWorkbookModel } from "../domain/workbook/read-model";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../xlsx";
import { EXIT, type CliIo } from "./cli-io";
import { runCli } from "./main";
import { runInProcess } from "./process-entry";

const SEED = 20260;

function capture(io: CliIo): { io: CliIo; out: () => string } {
  let text = "";
  return { io: { ...io, stdout: (chunk) => (text += chunk) }, out: () => text };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((100 * part) / whole).toLocaleString("es-CO", { maximumFractionDigits: 1 })} %`;
}

interface AllianceSummary {
  /** First and last year of Fecha apertura DO in the workbook. */
  readonly years: readonly [number, number] | null;
  readonly lines: readonly string[];
}

/** DOs per alliance and % on time over every year of one workbook, with the evaluation's own definitions. */
async function allianceSummary(file: string): Promise<AllianceSummary> {
  const model = readWorkbookModel(readSnapshot(await loadWorkbookFile(file)));
  const years = [...new Set(model.operations.flatMap((op) => (op.opened === null ? [] : [ymdFromSerial(op.opened).year])))].sort();
  const rows = new Map<string, { dos: number; measured: number; onTime: number }>();
  for (const year of years) {
    for (const a of computeEvaluation(model, year).alliances) {
      const row = rows.get(a.alliance) ?? { dos: 0, measured: 0, onTime: 0 };
      row.dos += a.operations;
      row.measured += a.measured;
      row.onTime += a.onTime;
      rows.set(a.alliance, row);
    }
  }
  const width = Math.max(...[...rows.keys()].map((name) => name.length));
  const lines = [...rows.entries()]
    .sort(([, a], [, b]) => b.dos - a.dos)
    .map(([name, r]) => `  ${name.padEnd(width)}  ${String(r.dos).padStart(5)} DO   ${percent(r.onTime, r.measured).padStart(7)} a tiempo`);
  const first = years[0];
  const last = years[years.length - 1];
  return { years: first === undefined || last === undefined ? null : [first, last], lines };
}

function yearSpan(years: AllianceSummary["years"]): string {
  if (years === null) return CliMessages.demo.noOpeningDates;
  return years[0] === years[1] ? CliMessages.demo.openedIn(years[0]) : CliMessages.demo.openedFromTo(years[0], years[1]);
}

/**
 * `npm run demo`: builds the sample workbooks, runs preparar and validar through the real command, writes
 * everything under demo/ and prints a short summary.
 */
export async function runDemo(io: CliIo, folder = "demo"): Promise<number> {
  await fs.mkdir(folder, { recursive: true });
  const file = (name: string): string => path.join(folder, name);
  const { today } = io;

  const original = new ExcelJS.Workbook();
  applyPlan(original, planLegacyCuadro({ today, seed: SEED }));
  await saveWorkbookFile(original, file("cuadro-original.xlsx"));

  const sample = new ExcelJS.Workbook();
  applyPlan(sample, planPreparation(readSnapshot(sample), { today }));
  const samplePlan = planSampleData(readSnapshot(sample), { today, seed: SEED });
  applyPlan(sample, samplePlan);
  await saveWorkbookFile(sample, file("cuadro-ejemplo.xlsx"));

  io.stdout(`${CliMessages.demo.title}\n\n`);
  io.stdout(`${CliMessages.demo.original(file("cuadro-original.xlsx"))}\n`);
  io.stdout(`${CliMessages.demo.sample(file("cuadro-ejemplo.xlsx"), samplePlan.notes[0] ?? "")}\n\n`);

  io.stdout(`2. control-alianzas preparar ${file("cuadro-original.xlsx")} --salida ${file("cuadro-preparado.xlsx")}\n`);
  const prepared = await runCli(["preparar", file("cuadro-original.xlsx"), "--salida", file("cuadro-preparado.xlsx"), "--sobrescribir"], {
    ...io,
    stdout: (text) => io.stdout(text.replace(/^/gm, "   ")),
  });
  if (prepared !== EXIT.ok) return prepared;

  io.stdout(`\n3. control-alianzas validar ${file("cuadro-preparado.xlsx")} --json > ${file("hallazgos.json")}\n`);
  const validation = capture(io);
  const validated = await runCli(["validar", file("cuadro-preparado.xlsx"), "--json"], validation.io);
  if (validated === EXIT.unusable) return validated;
  await fs.writeFile(file("hallazgos.json"), validation.out());
  const report = JSON.parse(validation.out()) as Pick<ValidationReport, "summary">;

  // Two different workbooks feed this summary: the coordinator's prepared cuadro (all its years) and the
  // structured sample (the evaluated year only). Each figure names its file so they are not read as one.
  const preparedSummary = await allianceSummary(file("cuadro-preparado.xlsx"));
  io.stdout(`\n${CliMessages.demo.byAlliance(file("cuadro-preparado.xlsx"), yearSpan(preparedSummary.years))}\n`);
  for (const line of preparedSummary.lines) io.stdout(`${line}\n`);
  io.stdout(`\n${CliMessages.demo.findings(file("cuadro-preparado.xlsx"), report.summary.errors, report.summary.warnings)}\n`);
  for (const [rule, count] of Object.entries(report.summary.byRule).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))) {
    io.stdout(`  ${rule.padEnd(22)} ${String(count).padStart(5)}\n`);
  }

  const year = lastCompleteYear(today);
  const evaluationFile = `evaluacion-${year}.xlsx`;
  io.stdout(`\n4. control-alianzas evaluar ${file("cuadro-ejemplo.xlsx")} --anio ${year} --salida ${file(evaluationFile)}\n`);
  io.stdout(`${CliMessages.demo.otherWorkbook(year)}\n`);
  const evaluated = await runCli(
    ["evaluar", file("cuadro-ejemplo.xlsx"), "--anio", String(year), "--salida", file(evaluationFile), "--sobrescribir"],
    { ...io, stdout: (text) => io.stdout(text.replace(/^/gm, "   ")) },
  );
  if (evaluated === EXIT.unusable) return evaluated;

  io.stdout(`\n${CliMessages.demo.filesIn(folder)}\n`);
  for (const [name, what] of [
    ["cuadro-original.xlsx", CliMessages.demo.originalFile],
    ["cuadro-preparado.xlsx", CliMessages.demo.preparedFile],
    ["hallazgos.json", CliMessages.demo.findingsFile],
    ["cuadro-ejemplo.xlsx", CliMessages.demo.sampleFile],
    [evaluationFile, CliMessages.demo.evaluationFile(year)],
  ] as const) {
    io.stdout(`  ${name.padEnd(22)} ${what}\n`);
  }
  return EXIT.ok;
}

if (require.main === module) runInProcess((io) => runDemo(io), CliMessages.demo.failed);
