/**
 * Charts in the coordinator's book. ExcelJS cannot read or write charts, so a book it loads and saves whole loses
 * them: a sheet evaluar rewrites keeps its original drawing part (the chart the add-in drew in Excel, or the user's
 * own), and a command that had to go through the whole book says the written file has no charts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { planLegacyCuadro, planSampleData } from "../../src/sample";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { deflatedEntry, entryText, readZip, writeZip, type ZipEntry } from "../../src/xlsx/zip-package";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NO_CHARTS = /no incluye los gráficos del libro/;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Gráfico del coordinador</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numLit><c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt></c:numLit></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>40</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>55</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Gráfico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
const RELS_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** The part of sheet `name` in a package. */
function sheetPart(entries: Map<string, ZipEntry>, name: string): string {
  const workbook = entryText(entries.get("xl/workbook.xml")!);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = entryText(entries.get("xl/_rels/workbook.xml.rels")!);
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${rid}"`));
  const path = /Target="([^"]+)"/.exec(target ?? "")?.[1] ?? "";
  return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
}

/** A copy of `file` with a bar chart on sheet `sheet`, as Excel stores one: a drawing part pointing at a chart part. */
function withChart(file: string, sheet: string, output: string, edit: (entries: Map<string, ZipEntry>) => void = () => undefined): void {
  const entries = readZip(readFileSync(file));
  const part = sheetPart(entries, sheet);
  const relsPath = part.replace("worksheets/", "worksheets/_rels/") + ".rels";
  const xml = entryText(entries.get(part)!);
  const at = /<(legacyDrawing|tableParts|extLst)\b/.exec(xml)?.index ?? xml.lastIndexOf("</worksheet>");
  entries.set(part, deflatedEntry(part, `${xml.slice(0, at)}<drawing r:id="rIdChart9"/>${xml.slice(at)}`));
  const rel = `<Relationship Id="rIdChart9" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`;
  const rels = entries.get(relsPath);
  entries.set(relsPath, deflatedEntry(relsPath, rels ? entryText(rels).replace("</Relationships>", `${rel}</Relationships>`) : `${RELS_OPEN}${rel}</Relationships>`));
  const types = entryText(entries.get("[Content_Types].xml")!).replace(
    "</Types>",
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
  );
  entries.set("[Content_Types].xml", deflatedEntry("[Content_Types].xml", types));
  entries.set("xl/drawings/drawing1.xml", deflatedEntry("xl/drawings/drawing1.xml", DRAWING));
  entries.set("xl/drawings/_rels/drawing1.xml.rels", deflatedEntry("xl/drawings/_rels/drawing1.xml.rels", `${RELS_OPEN}<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`));
  entries.set("xl/charts/chart1.xml", deflatedEntry("xl/charts/chart1.xml", CHART));
  edit(entries);
  writeFileSync(output, writeZip([...entries.values()]));
}

/** Every alliance's state typed "Activo" becomes "Condicionado": the evaluation's figures change with it. */
function conditionAlliances(entries: Map<string, ZipEntry>): void {
  const strings = entryText(entries.get("xl/sharedStrings.xml")!);
  expect(strings).toContain("<t>Activo</t>");
  entries.set("xl/sharedStrings.xml", deflatedEntry("xl/sharedStrings.xml", strings.replace("<t>Activo</t>", "<t>Condicionado</t>")));
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 23 }));
  await saveWorkbookFile(wb, folder.file("cuadro.xlsx"));
  expect((await run("evaluar", folder.file("cuadro.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado.xlsx"))).status).toBe(0);
  const legacy = new ExcelJS.Workbook();
  applyPlan(legacy, planLegacyCuadro({ today: TODAY, seed: 23, count: 30 }));
  await saveWorkbookFile(legacy, folder.file("antiguo.xlsx"));
});

describe("a chart on the evaluation sheet when evaluar updates it", () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    withChart(folder.file("evaluado.xlsx"), "Evaluación 2025", folder.file("con-grafico.xlsx"), conditionAlliances);
    result = await run("evaluar", folder.file("con-grafico.xlsx"), "--anio", "2025", "--salida", folder.file("reevaluado.xlsx"));
  });

  it("is still there, unchanged, on the sheet, and the figures are updated", async () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Se actualizaron las cifras/);
    expect(result.stdout + result.stderr).not.toMatch(NO_CHARTS);
    const entries = readZip(readFileSync(folder.file("reevaluado.xlsx")));
    expect(entryText(entries.get("xl/charts/chart1.xml")!)).toBe(CHART);
    expect(entryText(entries.get("xl/drawings/drawing1.xml")!)).toBe(DRAWING);
    const part = sheetPart(entries, "Evaluación 2025");
    const xml = entryText(entries.get(part)!);
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("</headerFooter>"));
    expect(xml.indexOf("<drawing ")).toBeLessThan(xml.indexOf("<tableParts"));
    const rels = entryText(entries.get(part.replace("worksheets/", "worksheets/_rels/") + ".rels")!);
    expect(rels).toContain(`Id="${rid}" Type="${REL}/drawing" Target="../drawings/drawing1.xml"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("reevaluado.xlsx"));
    const ws = wb.getWorksheet("Evaluación 2025")!;
    const states: unknown[] = [];
    ws.getColumn(3).eachCell((cell) => states.push(cell.value));
    expect(states).toContain("Condicionado");
    expect(states).not.toContain("Activo");
  });
});

describe("indicadores --salida on a book with a chart", () => {
  it("keeps the chart, without a warning, and the input is unchanged", async () => {
    const before = readFileSync(folder.file("con-grafico.xlsx"));
    const result = await run("indicadores", folder.file("con-grafico.xlsx"), "--anio", "2025", "--salida", folder.file("indicadores.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(NO_CHARTS);
    expect(entryText(readZip(readFileSync(folder.file("indicadores.xlsx"))).get("xl/charts/chart1.xml")!)).toBe(CHART);
    expect(readFileSync(folder.file("con-grafico.xlsx")).equals(before)).toBe(true);
  });
});

describe("a chart on a sheet evaluar does not change", () => {
  it("is kept as it was, without a warning", async () => {
    withChart(folder.file("evaluado.xlsx"), "Parámetros", folder.file("grafico-parametros.xlsx"), conditionAlliances);
    const result = await run("evaluar", folder.file("grafico-parametros.xlsx"), "--anio", "2025", "--salida", folder.file("reevaluado-2.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(NO_CHARTS);
    expect(entryText(readZip(readFileSync(folder.file("reevaluado-2.xlsx"))).get("xl/charts/chart1.xml")!)).toBe(CHART);
  });
});

describe("a chart on a legacy cuadro that preparar restructures", () => {
  it("stays on the sheet, and the backup copy has a chart of its own", async () => {
    const sheet = readSnapshot(await new ExcelJS.Workbook().xlsx.readFile(folder.file("antiguo.xlsx"))).sheets[0]!.name;
    withChart(folder.file("antiguo.xlsx"), sheet, folder.file("antiguo-grafico.xlsx"));
    const result = await run("preparar", folder.file("antiguo-grafico.xlsx"), "--salida", folder.file("antiguo-preparado.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/tblOperaciones/);
    expect(result.stdout + result.stderr).not.toMatch(NO_CHARTS);
    const entries = readZip(readFileSync(folder.file("antiguo-preparado.xlsx")));
    const chartsOf = (name: string): string[] => {
      const part = sheetPart(entries, name);
      const rels = entryText(entries.get(part.replace("worksheets/", "worksheets/_rels/") + ".rels")!);
      const drawing = /Type="[^"]*\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(rels)?.[1] ?? "?";
      expect(entryText(entries.get(part)!)).toMatch(/<drawing r:id="[^"]+"\/>/);
      const drawingRels = entryText(entries.get(`xl/drawings/_rels/${drawing}.rels`)!);
      return [drawing, ...[...drawingRels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => m[1] ?? "")];
    };
    const [drawing, chart] = chartsOf(sheet);
    const [copyDrawing, copyChart] = chartsOf(`Respaldo ${sheet}`);
    // Each sheet its own drawing, each drawing its own chart, both the coordinator's chart.
    expect(new Set([drawing, copyDrawing]).size).toBe(2);
    expect(new Set([chart, copyChart]).size).toBe(2);
    for (const name of [chart, copyChart]) expect(entryText(entries.get(`xl/charts/${name}`)!)).toBe(CHART);
    const types = entryText(entries.get("[Content_Types].xml")!);
    for (const part of [`/xl/drawings/${drawing}`, `/xl/drawings/${copyDrawing}`, `/xl/charts/${chart}`, `/xl/charts/${copyChart}`]) expect(types).toContain(`PartName="${part}"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("antiguo-preparado.xlsx"));
    expect(wb.getWorksheet(sheet)?.getCell("A4").value).toBe("DO");
  });
});

describe("a command that writes the whole book through ExcelJS", () => {
  it("preparar that cannot stream the sheet (it has a hyperlink) says the written file has no charts", async () => {
    const legacy = new ExcelJS.Workbook();
    applyPlan(legacy, planLegacyCuadro({ today: TODAY, seed: 23, count: 30 }));
    const ws = legacy.worksheets[0]!;
    ws.getCell("Z1").value = { text: "Portal DIAN", hyperlink: "https://www.dian.gov.co" };
    await saveWorkbookFile(legacy, folder.file("antiguo-enlace.xlsx"));
    withChart(folder.file("antiguo-enlace.xlsx"), ws.name, folder.file("antiguo-enlace-grafico.xlsx"));
    const before = readFileSync(folder.file("antiguo-enlace-grafico.xlsx"));
    const result = await run("preparar", folder.file("antiguo-enlace-grafico.xlsx"), "--salida", folder.file("antiguo-enlace-preparado.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toMatch(NO_CHARTS);
    expect(readFileSync(folder.file("antiguo-enlace-grafico.xlsx")).equals(before)).toBe(true);
  });

  it("exportar says the copy has no charts", async () => {
    const result = await run("exportar", folder.file("con-grafico.xlsx"), "--salida", folder.file("copia.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(NO_CHARTS);
  });

  it("without charts in the book, nothing is said about them", async () => {
    const result = await run("exportar", folder.file("evaluado.xlsx"), "--salida", folder.file("copia-2.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(NO_CHARTS);
  });
});
