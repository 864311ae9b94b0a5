import { serialFromYmd } from "../domain/calendar";
import { planLegacyCuadro } from "../sample";
import { createExcelActions } from "../excel/actions";
import { applyPlan } from "../excel/apply-plan";
import { FakeWorkbook } from "../../test/support/fake-excel/fake-workbook";
import { installFakeExcel } from "../../test/support/fake-excel/fake-excel";

const ROW_COUNTS = [1_000, 20_000, 100_000];
const TODAY = serialFromYmd(2026, 3, 16);
const SEED = 2026;

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

/**
 * The Office.js adapter against the recording fake of the Excel object model: context.sync() calls and wall time
 * of "Preparar" (restructuring a legacy cuadro of 1,000 / 20,000 / 100,000 DOs, backup copy included) and then
 * "Validar". The sync count must not grow with the rows (each sync is a round trip to Excel, ~50–300 ms on the
 * web). The time is the adapter's and the domain's work plus the fake's own bookkeeping, never Excel's.
 */
export async function runExcelBench(): Promise<string[]> {
  const lines = ["filas    | Preparar: syncs  tiempo  MB enviados | Validar: syncs  tiempo  hallazgos"];
  for (const rows of ROW_COUNTS) {
    const book = await legacyBook(rows);
    const actions = createExcelActions(() => TODAY);

    let start = performance.now();
    await actions.prepararCuadro();
    const prepareMs = performance.now() - start;
    const prepareSyncs = book.syncs.length;
    const prepareMb = book.syncs.reduce((n, s) => n + s.bytes, 0) / 1e6;

    start = performance.now();
    const report = await actions.validar();
    const validateMs = performance.now() - start;
    const validateSyncs = book.syncs.length - prepareSyncs;

    lines.push(
      `${String(rows).padEnd(8)} | ${String(prepareSyncs).padStart(14)}  ${fmt(prepareMs)}  ${prepareMb.toFixed(2).padStart(11)} | ` +
        `${String(validateSyncs).padStart(13)}  ${fmt(validateMs)}  ${String(report.findings.length).padStart(9)}`,
    );
  }
  return lines;
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`.padStart(6);
}
