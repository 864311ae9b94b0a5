import { serialFromYmd } from "../domain/calendar";
import { planLegacyCuadro } from "../sample";
import { createExcelActions } from "../excel/actions";
import { applyPlan } from "../excel/apply-plan";
import { FakeWorkbook } from "../../test/support/fake-excel/fake-workbook";
import { installFakeExcel } from "../../test/support/fake-excel/fake-excel";

const ROW_COUNTS = [1_000, 20_000, 100_000];
const TODAY = serialFromYmd(2026, 3, 16);
const SEED = 2026;
const EVALUATION_YEAR = 2025;
const SYNC_LIMIT_BYTES = 4_000_000;

/** A coordinator's legacy cuadro (title rows, own headers, a partner sheet, typical mistakes) with `rows` DOs. */
async function legacyBook(rows: number): Promise<FakeWorkbook> {
  const book = new FakeWorkbook();
  installFakeExcel(book);
  await Excel.run(async (context) => {
    await applyPlan(context, planLegacyCuadro({ today: TODAY, seed: SEED, count: rows }));
  });
  book.syncs.length = 0;
  return book;
}

interface ActionStats {
  syncs: number;
  ms: number;
  /** Largest request and largest response of any one sync (Excel on the web refuses either past ~5 MB). */
  maxRequest: number;
  maxResponse: number;
  sentMb: number;
}

async function measure(book: FakeWorkbook, action: () => Promise<unknown>): Promise<ActionStats> {
  const first = book.syncs.length;
  const start = performance.now();
  await action();
  const ms = performance.now() - start;
  const syncs = book.syncs.slice(first);
  return {
    syncs: syncs.length,
    ms,
    maxRequest: Math.max(0, ...syncs.map((s) => s.bytes)),
    maxResponse: Math.max(0, ...syncs.map((s) => s.responseBytes)),
    sentMb: syncs.reduce((n, s) => n + s.bytes, 0) / 1e6,
  };
}

/**
 * The Office.js adapter against the recording fake of the Excel object model, for "Preparar" (restructuring a legacy
 * cuadro of 1,000 / 20,000 / 100,000 DOs, backup copy included), then "Validar" and generating the evaluation: how
 * many context.sync() calls (each a round trip to Excel, ~50–300 ms on the web; they should grow with the bytes
 * moved, not with the rows), the largest request and response of any one sync (each must stay ≤ 4 MB) and the wall
 * time. The time is the adapter's and the domain's work plus the fake's own bookkeeping, never Excel's.
 */
export async function runExcelBench(): Promise<string[]> {
  const lines = [
    "filas    | acción          | syncs | mayor envío (B) | mayor respuesta (B) | MB enviados | tiempo",
  ];
  const over: string[] = [];
  for (const rows of ROW_COUNTS) {
    const book = await legacyBook(rows);
    const actions = createExcelActions(() => TODAY);
    const measured: [string, ActionStats][] = [
      ["Preparar", await measure(book, () => actions.prepararCuadro())],
      ["Validar", await measure(book, () => actions.validar())],
      [`Evaluación ${EVALUATION_YEAR}`, await measure(book, () => actions.generarEvaluacion(EVALUATION_YEAR))],
    ];
    for (const [name, s] of measured) {
      lines.push(
        `${String(rows).padEnd(8)} | ${name.padEnd(15)} | ${String(s.syncs).padStart(5)} | ${thousands(s.maxRequest).padStart(15)} | ` +
          `${thousands(s.maxResponse).padStart(19)} | ${s.sentMb.toFixed(2).padStart(11)} | ${fmt(s.ms)}`,
      );
      if (Math.max(s.maxRequest, s.maxResponse) > SYNC_LIMIT_BYTES) over.push(`${name} con ${rows} filas`);
    }
  }
  lines.push(over.length === 0 ? "Todas las syncs ≤ 4 MB (envío y respuesta)." : `Syncs de más de 4 MB: ${over.join(", ")}.`);
  return lines;
}

function thousands(n: number): string {
  return n.toLocaleString("en-US");
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`.padStart(6);
}
