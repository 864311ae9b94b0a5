/**
 * ExcelJS 4.4 reads a `<pageSetup>` without `firstPageNumber` as first page number 1, and writes
 * `useFirstPageNumber="1"` whenever the first page number is set (page-setup-xform.js: `booleanToXml(model.firstPageNumber)`).
 * Every sheet it reads and saves again so changes from "Primer número de página: Automático" to "1": printed together,
 * the sheets each start again at page 1 — the evaluation's PDF read "Página 1 de 8" on its first two pages and ended on
 * "Página 7 de 8". This hook keeps the setting as the file had it: a first page number only when the file says to use
 * one (the schema's `useFirstPageNumber`, false when absent). Excel's own default is automatic: "If xlAutomatic,
 * Microsoft Excel chooses the first page number. The default is xlAutomatic" (learn.microsoft.com, VBA
 * PageSetup.FirstPageNumber).
 * test/xlsx/page-numbers.test.ts pins it on ExcelJS's own round trip.
 */

interface PageSetupModel {
  firstPageNumber?: number;
  useFirstPageNumber?: boolean;
}

interface PageSetupXform {
  model: PageSetupModel | undefined;
  parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
}

let installed = false;

/** Makes ExcelJS keep "automatic" page numbering on the sheets it reads. Idempotent. */
export function keepAutomaticPageNumbersOnRead(): void {
  if (installed) return;
  installed = true;
  // Not part of ExcelJS's typed surface: the class that parses a sheet's <pageSetup>.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const xform = (require("exceljs/lib/xlsx/xform/sheet/page-setup-xform.js") as { prototype: PageSetupXform }).prototype;
  const parseOpen = xform.parseOpen;
  xform.parseOpen = function (this: PageSetupXform, node): boolean {
    const parsed = parseOpen.call(this, node);
    if (parsed && this.model) {
      const use = node.attributes["useFirstPageNumber"];
      this.model.useFirstPageNumber = use === "1" || use === "true";
      if (!this.model.useFirstPageNumber) this.model.firstPageNumber = undefined;
    }
    return parsed;
  };
}
