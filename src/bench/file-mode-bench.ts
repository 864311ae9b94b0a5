import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromYmd } from "../domain/calendar";
import { planPreparation } from "../domain/workbook/plan-preparation";
import { planLegacyCuadro, planSampleData } from "../sample";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../xlsx";

/**
 * "Modo archivo": the CLI commands on generated books, each in a fresh process, against a raw read of the
 * same file (unzip + one pass over the sheet XML) measured in the same run. 100,000 DOs with BENCH_100K=1.
 */
const TODAY = serialFromYmd(2026, 6, 27);
const SEED = 4242;

interface Measure {
  status: number;
  seconds: number;
  peakMb: number;
}

function measure(args: string[]): Measure {
  const child = path.join(__dirname, "file-mode-child.js");
  const output = execFileSync(process.execPath, [child, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  const last = output.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last) as Measure;
}

async function preparedBook(rows: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: SEED, operationCount: rows }));
  await saveWorkbookFile(wb, file);
}

async function legacyBook(rows: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planLegacyCuadro({ today: TODAY, seed: SEED, count: rows }));
  await saveWorkbookFile(wb, file);
}

const verdict = (met: boolean): string => (met ? "cumple" : "NO cumple");
const number = (value: number, digits: number): string => value.toLocaleString("es-CO", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function runFileModeBench(): Promise<string[]> {
  const sizes = [1_000, 10_000, ...(process.env.BENCH_100K === "1" ? [100_000] : [])];
  const lines = [
    "Cada medida en un proceso nuevo; segundos desde que arranca el proceso, memoria = pico residente del proceso (VmHWM).",
    "Referencia: lectura cruda (descomprimir + una pasada por el XML de las hojas) del mismo archivo.",
    `  ${"comando".padEnd(26)}${"DOs".padStart(9)}${"s".padStart(9)}${"MB".padStart(8)}${"× ref.".padStart(8)}`,
  ];
  const folder = mkdtempSync(path.join(tmpdir(), "control-alianzas-modo-archivo-"));
  const row = (label: string, rows: number, m: Measure, reference: number): string =>
    `  ${label.padEnd(26)}${rows.toLocaleString("es-CO").padStart(9)}${number(m.seconds, 2).padStart(9)}${number(m.peakMb, 0).padStart(8)}${number(m.seconds / reference, 2).padStart(8)}${m.status > 1 ? "  (falló)" : ""}`;
  try {
    for (const rows of sizes) {
      const prepared = path.join(folder, `cuadro-${rows}.xlsx`);
      const legacy = path.join(folder, `antiguo-${rows}.xlsx`);
      await preparedBook(rows, prepared);
      const raw = measure(["raw", prepared]);
      lines.push(row(`lectura cruda (${number(statSync(prepared).size / 1024 / 1024, 1)} MB)`, rows, raw, raw.seconds));
      const validar = measure(["validar", prepared, "--json"]);
      lines.push(row("validar --json", rows, validar, raw.seconds));
      const unchanged = measure(["preparar", prepared, "--salida", path.join(folder, `p-${rows}.xlsx`)]);
      lines.push(row("preparar (ya preparado)", rows, unchanged, raw.seconds));
      const evaluar = measure(["evaluar", prepared, "--anio", "2025", "--salida", path.join(folder, `e-${rows}.xlsx`)]);
      lines.push(row("evaluar --anio 2025", rows, evaluar, raw.seconds));
      if (rows <= 10_000 || process.env.BENCH_LEGACY === "1") {
        await legacyBook(rows, legacy);
        const legacyRaw = measure(["raw", legacy]);
        lines.push(row("lectura cruda (antiguo)", rows, legacyRaw, legacyRaw.seconds));
        const legacyOut = path.join(folder, `l-${rows}.xlsx`);
        const legacyPrepare = measure(["preparar", legacy, "--salida", legacyOut]);
        // The reference of a rewrite: the raw read plus deflating as much sheet XML as preparar wrote.
        const rawWrite = measure(["rawwrite", legacy, legacyOut, path.join(folder, `w-${rows}.xlsx`)]);
        lines.push(row("lectura + escritura cruda", rows, rawWrite, rawWrite.seconds));
        lines.push(row("preparar (cuadro antiguo)", rows, legacyPrepare, rawWrite.seconds));
        if (rows === 100_000) {
          lines.push(`  meta preparar (antiguo) a 100.000: ≤ 2,5× lectura + escritura cruda y ≤ 1.024 MB: ${verdict(legacyPrepare.seconds <= 2.5 * rawWrite.seconds && legacyPrepare.peakMb <= 1024)}`);
        }
      }
      const at = rows.toLocaleString("es-CO");
      if (rows !== 100_000) lines.push(`  meta validar a ${at}: ≤ 2,5× lectura cruda: ${verdict(validar.seconds <= 2.5 * raw.seconds)}`);
      lines.push(`  meta preparar (ya preparado) a ${at}: ≤ validar: ${verdict(unchanged.seconds <= validar.seconds)}`);
      if (rows === 100_000) {
        lines.push(`  meta validar a 100.000: ≤ 2,5× lectura cruda y ≤ 400 MB: ${verdict(validar.seconds <= 2.5 * raw.seconds && validar.peakMb <= 400)}`);
        lines.push(
          `  meta evaluar a 100.000: ≤ 2× validar (${number(evaluar.seconds / validar.seconds, 2)}×) y ≤ 600 MB: ${verdict(evaluar.seconds <= 2 * validar.seconds && evaluar.peakMb <= 600)}`,
        );
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}
