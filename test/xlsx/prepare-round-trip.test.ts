import ExcelJS from "exceljs";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "./xlsx-test-files";

const TODAY = 46100;
const folder = temporaryFolder();
afterAll(() => folder.cleanup());

describe("Preparar through the file adapter", () => {
  it("prepares an empty workbook and then has nothing left to do", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hoja1");
    const plan = planPreparation(readSnapshot(wb), { today: TODAY });
    expect(plan.steps.length).toBeGreaterThan(0);
    applyPlan(wb, plan);
    await saveWorkbookFile(wb, folder.file("preparado.xlsx"));
    const again = planPreparation(readSnapshot(await loadWorkbookFile(folder.file("preparado.xlsx"))), { today: TODAY });
    expect(again.steps).toEqual([]);
  });
});
