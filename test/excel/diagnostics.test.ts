import { serialFromYmd } from "../../src/domain/calendar";
import { createExcelActions } from "../../src/excel/actions";
import { ADUANA_CHECKS, diagnosticReportText, runDiagnostics } from "../../src/excel/diagnostics";
import { businessDaysBetween, elapsedServiceTime, isHoliday, serviceLevelStatus } from "../../src/functions/functions";
import { installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";

/** What a working Excel with the add-in loaded shows for the Diagnóstico's ADUANA formulas. */
const EXCEL_RESULTS = new Map<string, string | number | boolean>([
  ["=ADUANA.DIAS_HABILES(DATE(2026,1,2),DATE(2026,1,9))", 6],
  ["=ADUANA.TIEMPO_SERVICIO(DATE(2026,1,2),DATE(2026,1,9))", 5],
  ["=ADUANA.ES_FESTIVO(DATE(2026,1,12))", true],
  ["=ADUANA.ESTADO_ANS(DATE(2026,1,2),DATE(2026,1,9),5)", "Cumple"],
]);

function userBook(apiVersion = 17) {
  const book = new FakeWorkbook();
  book.addSheet("Operaciones").put(0, 0, [["DO"], ["DO-7"]]);
  book.addTable("Operaciones", "tblOperaciones", { row: 0, col: 0, rowCount: 2, colCount: 1 });
  book.names.set("ADUANA_HOY", "=Parametros!$B$2");
  book.apiVersion = apiVersion;
  book.calculate = (formula) => EXCEL_RESULTS.get(formula) ?? "#NAME?";
  const excel = installFakeExcel(book);
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.diagnostics = { host: "Excel", platform: "OfficeOnline", version: "16.0.18025.10000" };
  return { book, excel };
}

const noWait = () => Promise.resolve();

describe("Diagnóstico on the fake Excel", () => {
  it("reports every feature OK in one Excel.run and leaves the workbook as it was", async () => {
    const { book, excel } = userBook();
    const report = await runDiagnostics({ sleep: noWait, suffix: "t1" });
    expect(excel.runs()).toBe(1);
    expect(report.checks.filter((c) => c.status !== "ok")).toEqual([]);
    expect(report.checks.map((c) => c.feature)).toEqual(
      expect.arrayContaining(["Crear una tabla", "Cambiar el nombre de una tabla", "Copiar una hoja (respaldo)", "Fórmulas con funciones ADUANA", "Gráfico"]),
    );
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones"]);
    expect([...book.names.keys()]).toEqual(["ADUANA_HOY"]);
    expect(book.findTable("tblDiagnostico_t1")).toBeNull();
    expect(report.platform).toBe("OfficeOnline");
    expect(report.version).toBe("16.0.18025.10000");
    // No request or response near Excel on the web's limit.
    expect(Math.max(...book.syncs.map((s) => Math.max(s.bytes, s.responseBytes)))).toBeLessThan(100_000);
  });

  it("reports a failing feature as falla with Excel's error, runs the others, and still removes the temporary sheets", async () => {
    const { book } = userBook();
    // Another table already has the name the Diagnóstico gives its table: the rename fails in Excel.
    book.addTable("Operaciones", "tblDiagnostico_t2", { row: 5, col: 3, rowCount: 2, colCount: 1 });
    const report = await runDiagnostics({ sleep: noWait, suffix: "t2" });
    const create = report.checks.find((c) => c.feature === "Crear una tabla");
    expect(create).toMatchObject({ status: "falla" });
    expect(create?.detail).toMatch(/InvalidArgument/);
    expect(report.checks.find((c) => c.feature === "Formato de número")?.status).toBe("ok");
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones"]);
    expect([...book.names.keys()]).toEqual(["ADUANA_HOY"]);
    expect(diagnosticReportText(report, "2026-03-16 10:00")).toMatch(/- Crear una tabla: falla — .*InvalidArgument/);
  });

  it("reports ADUANA formulas that Excel does not know (#NAME?) as falla, naming the formula", async () => {
    const { book } = userBook();
    book.calculate = () => "#NAME?";
    const report = await runDiagnostics({ sleep: noWait, suffix: "t3" });
    const formulas = report.checks.find((c) => c.feature === "Fórmulas con funciones ADUANA");
    expect(formulas?.status).toBe("falla");
    expect(formulas?.detail).toContain('ADUANA.ES_FESTIVO(DATE(2026,1,12)) devolvió "#NAME?" en vez de true');
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones"]);
  });

  it("waits while Excel shows #BUSY! and reads the results once calculated", async () => {
    const { book } = userBook();
    let busyReads = 0;
    const sleep = jest.fn(() => {
      busyReads += 1;
      // Excel finishes the custom functions: the cells now show their results.
      for (const sheet of book.sheets) for (let r = 10; r < 14; r += 1) {
        const cell = sheet.cell(r, 0);
        if (cell.formula) sheet.setCell(r, 0, { value: EXCEL_RESULTS.get(cell.formula) ?? "#NAME?" });
      }
      return Promise.resolve();
    });
    book.calculate = () => "#BUSY!";
    const report = await runDiagnostics({ sleep, suffix: "t4" });
    expect(busyReads).toBe(1);
    expect(report.checks.find((c) => c.feature === "Fórmulas con funciones ADUANA")?.status).toBe("ok");
  });

  it("skips features of API sets the Excel lacks, saying which set, and lists the sets in the report", async () => {
    userBook(12);
    const report = await runDiagnostics({ sleep: noWait, suffix: "t5" });
    const resize = report.checks.find((c) => c.feature === "Ampliar una tabla con resize");
    expect(resize).toMatchObject({ status: "omitida" });
    expect(resize?.detail).toContain("ExcelApi 1.13");
    expect(report.checks.filter((c) => c.status === "falla")).toEqual([]);
    const text = diagnosticReportText(report, "2026-03-16 10:00");
    expect(text).toContain("Plataforma: Excel en la Web (OfficeOnline)");
    expect(text).toContain("- ExcelApi 1.13: no");
    expect(text).toContain("- ExcelApi 1.7: sí");
    expect(text).toContain("Resultado: todo funciona.");
  });

  it("expects of Excel what the ADUANA functions return", () => {
    const d = (m: number, day: number) => serialFromYmd(2026, m, day);
    const actual = [
      businessDaysBetween(d(1, 2), d(1, 9)),
      elapsedServiceTime(d(1, 2), d(1, 9)),
      isHoliday(d(1, 12)),
      serviceLevelStatus(d(1, 2), d(1, 9), 5),
    ];
    expect(actual).toEqual(ADUANA_CHECKS.map((c) => c.expected));
  });
});

describe("Diagnóstico when the temporary sheet cannot be made", () => {
  it("reports that one falla, runs nothing else, and leaves the user's sheet of that name alone", async () => {
    const { book } = userBook();
    book.addSheet("Diagnóstico CA t6").put(0, 0, [["del usuario"]]);
    const report = await runDiagnostics({ sleep: noWait, suffix: "t6" });
    expect(report.checks).toEqual([{ feature: "Crear una hoja y escribir valores", status: "falla", detail: expect.stringMatching(/ItemAlreadyExists/) }]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones", "Diagnóstico CA t6"]);
    expect(book.sheet("Diagnóstico CA t6").content(0, 0)).toBe("del usuario");
  });
});

describe("Diagnóstico as a pane action", () => {
  it("runs through the pane's actions and turns a failure of Excel.run itself into a Spanish message", async () => {
    const { book } = userBook();
    const actions = createExcelActions(() => serialFromYmd(2026, 3, 16));
    const report = await actions.diagnostico();
    expect(report.checks.length).toBeGreaterThan(10);
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones"]);

    const g = globalThis as unknown as { Excel: { run: unknown } };
    g.Excel.run = () => Promise.reject(Object.assign(new Error("Excel no responde"), { code: "GeneralException" }));
    await expect(actions.diagnostico()).rejects.toThrow(/^No se pudo ejecutar el diagnóstico\. .*Excel no responde/);
  });
});
