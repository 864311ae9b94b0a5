import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { serialFromYmd } from "../domain/calendar";
import { planEvaluation } from "../domain/evaluation";
import { planSampleData } from "../sample";
import { validateWorkbook } from "../domain/validation";
import { planPreparation } from "../domain/workbook/plan-preparation";
import type { WorkbookSnapshot } from "../domain/workbook/snapshot";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../xlsx";
import { writePlanPackage } from "../xlsx/package-writer";

const TODAY = serialFromYmd(2026, 6, 15);
const SEED = 4242;
const ROWS = 100_000;
const MEMORY_STEPS = [10_000, 50_000, 100_000];

/** A full garbage collection, so heapUsed measures what is alive. */
function collectGarbage(): void {
  setFlagsFromString("--expose_gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString("es-CO", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** A prepared workbook holding `rows` generated DOs (with the sample's alliances, NCs and mistakes). */
function generatedWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: SEED, operationCount: rows }));
  return wb;
}

/** Best of `runs` timings of the domain validation alone. */
function validationMs(snapshot: WorkbookSnapshot, runs: number): { ms: number; findings: number } {
  let best = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const { value, ms } = timed(() => validateWorkbook(snapshot, { today: TODAY }));
    best = Math.min(best, ms);
    findings = value.findings.length;
  }
  return { ms: best, findings };
}

/**
 * Validar must stay instant on the largest workbooks coordinators keep, here a generated 100,000-DO one:
 * validation (domain only) under 1 s and at most 0.5× ExcelJS's own read time; read + validate + write through ExcelJS;
 * evaluar's write (the package writer) at most 0.25× the full ExcelJS save of the same evaluated book; heap at 10k/50k/100k rows.
 */
export async function runWorkbookBench(): Promise<string[]> {
  const lines: string[] = [`Libro de trabajo: ${ROWS.toLocaleString("es-CO")} DO generados`];
  const folder = mkdtempSync(path.join(tmpdir(), "control-alianzas-bench-"));
  try {
    const file = path.join(folder, "cuadro-100k.xlsx");
    const generated = timed(() => generatedWorkbook(ROWS));
    await saveWorkbookFile(generated.value, file);
    lines.push(`  generar y escribir: ${seconds(generated.ms)} (+ escritura), archivo de ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);

    const read = await timedAsync(() => loadWorkbookFile(file));
    const snapshot = timed(() => readSnapshot(read.value));
    const validation = validationMs(snapshot.value, 5);
    const write = await timedAsync(() => saveWorkbookFile(read.value, path.join(folder, "salida.xlsx")));
    const excelJsRead = read.ms + snapshot.ms;
    lines.push(
      `  lectura ExcelJS (archivo → Snapshot): ${seconds(excelJsRead)} (carga ${seconds(read.ms)} + Snapshot ${seconds(snapshot.ms)})`,
      `  validación (solo dominio): ${seconds(validation.ms)} — ${validation.findings.toLocaleString("es-CO")} hallazgos — meta < 1 s: ${validation.ms < 1000 ? "cumple" : "NO cumple"}`,
      `  razón validación / lectura ExcelJS: ${(validation.ms / excelJsRead).toFixed(3)} — meta ≤ 0,5: ${validation.ms / excelJsRead <= 0.5 ? "cumple" : "NO cumple"}`,
      `  escritura ExcelJS: ${seconds(write.ms)}`,
      `  leer + validar + escribir: ${seconds(excelJsRead + validation.ms + write.ms)}`,
    );
    // Evaluar changes only small sheets: grafting them into the package against saving the whole book again.
    const plan = planEvaluation(snapshot.value, { year: 2025, today: TODAY });
    applyPlan(read.value, plan);
    const fullSave = await timedAsync(() => saveWorkbookFile(read.value, path.join(folder, "evaluada-completa.xlsx")));
    const grafted = await timedAsync(() => writePlanPackage(file, plan, path.join(folder, "evaluada.xlsx")));
    const graftRatio = grafted.ms / fullSave.ms;
    lines.push(
      `  evaluar, escritura: libro completo ExcelJS ${seconds(fullSave.ms)}, injerto en el paquete ${seconds(grafted.ms)}` +
        `${grafted.value === null ? " (no se pudo injertar)" : ""} — razón ${graftRatio.toFixed(3)} — meta ≤ 0,25: ${grafted.value !== null && graftRatio <= 0.25 ? "cumple" : "NO cumple"}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  lines.push("  memoria (heapUsed) con el libro ExcelJS y su Snapshot en memoria:");
  const baseline = heapMb();
  for (const rows of MEMORY_STEPS) {
    let wb: ExcelJS.Workbook | null = generatedWorkbook(rows);
    let snapshot: WorkbookSnapshot | null = readSnapshot(wb);
    const withWorkbook = heapMb() - baseline;
    wb = null;
    const snapshotOnly = heapMb() - baseline;
    if (snapshot.sheets.length === 0) lines.push("    (Snapshot vacío)");
    snapshot = null;
    lines.push(
      `    ${rows.toLocaleString("es-CO").padStart(7)} filas: libro + Snapshot ${withWorkbook.toFixed(0).padStart(5)} MB ` +
        `(${((withWorkbook * 1024) / rows).toFixed(1)} KB/fila), solo Snapshot ${snapshotOnly.toFixed(0).padStart(4)} MB ` +
        `(${((snapshotOnly * 1024) / rows).toFixed(2)} KB/fila)`,
    );
  }
  return lines;
}
