import { refreshStatusDate, refreshStatusDateOncePerDay, resetStatusDateRefresh } from "../../src/excel/status-date";
import { installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";
import { serial } from "../helpers/snapshot-builder";

const today = serial(2026, 12, 3);

function book(hoy: string | number | null): FakeWorkbook {
  const fake = new FakeWorkbook();
  const sheet = fake.addSheet("Parámetros");
  sheet.put(0, 0, [["Parámetro", "Valor"], ["Hoy", ""]]);
  if (hoy !== null) sheet.put(1, 1, [[hoy]]);
  fake.names.set("ADUANA_HOY", "='Parámetros'!$B$2");
  return fake;
}

describe("refreshStatusDate (Office.js)", () => {
  beforeEach(() => resetStatusDateRefresh());

  it("moves the add-in's older date to today, in one Excel.run", async () => {
    const fake = book("=DATE(2026,12,1)");
    const { runs } = installFakeExcel(fake);
    await expect(refreshStatusDate(today)).resolves.toEqual({ status: "updated", date: today });
    expect(fake.sheet("Parámetros").content(1, 1)).toBe("=DATE(2026,12,3)");
    expect(runs()).toBe(1);
  });

  it("leaves a date typed by hand and a =TODAY() as they are", async () => {
    for (const hoy of [serial(2026, 11, 20), "=TODAY()"]) {
      const fake = book(hoy);
      installFakeExcel(fake);
      await expect(refreshStatusDate(today)).resolves.toEqual({ status: "unchanged" });
      expect(fake.sheet("Parámetros").content(1, 1)).toBe(hoy);
    }
  });

  it("writes an emptied cell with the «Estado al» format", async () => {
    const fake = book(null);
    installFakeExcel(fake);
    await refreshStatusDate(today);
    expect(fake.sheet("Parámetros").content(1, 1)).toBe("=DATE(2026,12,3)");
    expect(fake.sheet("Parámetros").cell(1, 1).numberFormat).toBe('"Estado al "dd/mm/yyyy');
  });

  it("does nothing in a workbook without ADUANA_HOY, and runs once per day", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Hoja1");
    const { runs } = installFakeExcel(fake);
    await expect(refreshStatusDateOncePerDay(today)).resolves.toEqual({ status: "unchanged" });
    await refreshStatusDateOncePerDay(today + 0.5);
    expect(runs()).toBe(1);
    await refreshStatusDateOncePerDay(today + 1);
    expect(runs()).toBe(2);
  });

  it("never throws: an old Excel or a failure gives a Spanish notice naming the cell and what to do", async () => {
    const old = book("=DATE(2026,12,1)");
    old.apiVersion = 3;
    installFakeExcel(old);
    const refused = await refreshStatusDate(today);
    expect(refused).toMatchObject({ status: "failed", notice: expect.stringContaining("ExcelApi 1.4") });
    const broken = book("=DATE(2026,12,1)");
    broken.names.set("ADUANA_HOY", "='Borrada'!$B$2");
    installFakeExcel(broken);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const failed = await refreshStatusDate(today);
    warn.mockRestore();
    expect(failed).toMatchObject({ status: "failed", notice: expect.stringContaining("Escriba allí la fecha de hoy") });
  });
});
