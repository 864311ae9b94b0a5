import { serialFromYmd } from "../../src/domain/calendar";
import type { ProgressReport } from "../../src/excel/action-types";
import { createExcelActions } from "../../src/excel/actions";
import { progressMessage } from "../../src/excel/progress";
import { installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";

const TODAY = serialFromYmd(2026, 3, 16);

describe("progress of the Excel actions", () => {
  it("Validar reports the rows it has read, growing up to all of them", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    installFakeExcel(book);
    const actions = createExcelActions(() => TODAY);
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const reports: ProgressReport[] = [];
    await actions.validar((r) => reports.push(r));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.phase === "leyendo" && r.done <= r.total)).toBe(true);
    const last = reports[reports.length - 1]!;
    expect(last.done).toBe(last.total);
    // The sample data's 900 DO are among the rows read.
    expect(last.total).toBeGreaterThan(900);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
  });

  it("Cargar datos de ejemplo reports reading, then writing up to its last band", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    installFakeExcel(book);
    const actions = createExcelActions(() => TODAY);
    await actions.prepararCuadro();
    const reports: ProgressReport[] = [];
    await actions.cargarDatosEjemplo((r) => reports.push(r));
    const phases = reports.map((r) => r.phase);
    expect(phases.indexOf("escribiendo")).toBeGreaterThan(phases.lastIndexOf("leyendo"));
    const last = reports[reports.length - 1]!;
    expect(last).toEqual({ phase: "escribiendo", done: last.total, total: last.total });
  });

  it("says the phase and the figures with Colombian thousands", () => {
    expect(progressMessage({ phase: "leyendo", done: 40_000, total: 100_000 })).toBe("Leyendo filas 40.000 de 100.000…");
    expect(progressMessage({ phase: "escribiendo", done: 3, total: 12 })).toBe("Escribiendo en el libro: parte 3 de 12…");
  });
});
