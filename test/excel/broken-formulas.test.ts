import { countBrokenFormulas } from "../../src/excel/broken-formulas";
import { fakeContext } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";

const SERVICE = "=ADUANA.TIEMPO_SERVICIO([@Inicio],[@Fin])";
const STORED = "=_xldudf_ADUANA_ESTADO_ANS([@Inicio],[@Fin],3,ADUANA_HOY)";
const ROWS = 12_000;

/** tblOperaciones with ROWS rows: two ADUANA columns (one in the stored _xldudf_ form), a plain one, a notes column. */
function book(broken: { row: number; col: number; value?: string }[]): FakeWorkbook {
  const fake = new FakeWorkbook();
  const rows: (string | number)[][] = [["DO", "Inicio", "Fin", "Tiempo", "Estado", "Nota"]];
  for (let i = 0; i < ROWS; i++) rows.push([`DO-${i}`, 46000, 46003, SERVICE, STORED, ""]);
  const sheet = fake.addSheet("Operaciones").put(0, 0, rows);
  for (let i = 0; i < ROWS; i++) {
    sheet.setCell(i + 1, 3, { value: 2 });
    sheet.setCell(i + 1, 4, { value: "Cumple" });
  }
  for (const cell of broken) sheet.setCell(cell.row, cell.col, { value: cell.value ?? "#NAME?" });
  // A #NAME? that is not an ADUANA formula, in a column the scan does not read.
  sheet.setCell(5, 5, { formula: "=MISTERIO(A6)", value: "#NAME?" });
  fake.addTable("Operaciones", "tblOperaciones", { row: 0, col: 0, rowCount: ROWS + 1, colCount: 6 });
  fake.addSheet("Otra").put(0, 0, [["x"], [SERVICE]]).setCell(1, 0, { value: "#NAME?" });
  fake.addTable("Otra", "tblDelUsuario", { row: 0, col: 0, rowCount: 2, colCount: 1 });
  return fake;
}

describe("countBrokenFormulas (bounded #NAME? scan)", () => {
  it("counts ADUANA cells showing #NAME? or #¿NOMBRE?, the stored _xldudf_ form included, only in the add-in's tables", async () => {
    const fake = book([
      { row: 3, col: 3 },
      { row: 9000, col: 4 },
      { row: 11_999, col: 4, value: "#¿NOMBRE?" },
    ]);
    await expect(countBrokenFormulas(fakeContext(fake) as unknown as Excel.RequestContext)).resolves.toBe(3);
  });

  it("reads at most 5,000 cells per sync: values of the ADUANA columns only, formulas only where #NAME? shows", async () => {
    const clean = book([]);
    await countBrokenFormulas(fakeContext(clean) as unknown as Excel.RequestContext);
    // tables, first rows, then 24,000 values in 5 syncs of ≤ 5,000 cells.
    expect(clean.syncs.length).toBe(2 + 5);
    expect(Math.max(...clean.syncs.map((s) => s.responseBytes))).toBeLessThan(200_000);
    const broken = book([{ row: 2, col: 3 }]);
    await countBrokenFormulas(fakeContext(broken) as unknown as Excel.RequestContext);
    expect(broken.syncs.length).toBe(2 + 5 + 1);
    expect(Math.max(...broken.syncs.map((s) => s.responseBytes))).toBeLessThan(1_000_000);
  });
});
