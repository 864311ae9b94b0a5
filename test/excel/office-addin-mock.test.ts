import { OfficeMockObject } from "office-addin-mock";
import { createExcelActions } from "../../src/excel/actions";

/** seleccionarCelda on Microsoft's office-addin-mock: one Excel.run, one sync, the right sheet and cell. */
describe("seleccionarCelda (office-addin-mock)", () => {
  it("activates the finding's sheet and selects its cell in one sync", async () => {
    let syncs = 0;
    const selected: string[] = [];
    const data = {
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              return {
                activate: () => selected.push(`activate:${name}`),
                getRange: (address: string) => ({ select: () => selected.push(`select:${name}!${address}`) }),
              };
            },
          },
        },
        sync: async () => {
          syncs += 1;
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    };
    const excel = new OfficeMockObject(data);
    (globalThis as unknown as { Excel: unknown }).Excel = excel;
    await createExcelActions(() => 46000).seleccionarCelda("No Conformidades", "C7");
    expect(selected).toEqual(["activate:No Conformidades", "select:No Conformidades!C7"]);
    expect(syncs).toBe(1);
  });
});
