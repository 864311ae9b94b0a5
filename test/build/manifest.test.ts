import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { distDir, readDist, repoRoot } from "./dist-files";

const manifestPath = join(repoRoot, "manifest.xml");
const source = readFileSync(manifestPath, "utf8");
const schema = join(repoRoot, "test", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const devOrigin = "https://localhost:3000";

const attributeValues = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[1] ?? "");
const resourceIds = (xml: string): Set<string> => new Set(attributeValues(xml, /<bt:(?:Image|Url|String)\s+id="([^"]+)"/g));

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schema (offline, xmllint)", () => {
    expect(existsSync(schema)).toBe(true);
    const output = execFileSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8", stdio: "pipe" });
    expect(output).toBe("");
  });

  it("resolves every resid to a resource", () => {
    const ids = resourceIds(source);
    const used = attributeValues(source, /resid="([^"]+)"/g);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("declares a long-lived shared runtime used by the pane, the functions and the ribbon", () => {
    expect(source).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(source).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(source).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(source).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  it("opens the shared runtime's one task pane: no Action under the long-lived runtime's Host has a TaskpaneId", () => {
    // "In the ancestor <Host> element that has a descendant <Runtime> element that is set to a long lifetime,
    // none of the descendant <Action> elements should have a <TaskpaneID> child element" (configure a shared
    // runtime › avoid multiple task panes).
    const hosts = [...source.matchAll(/<Host xsi:type="Workbook">([\s\S]*?)<\/Host>/g)].map((m) => m[1] ?? "");
    const shared = hosts.filter((host) => /<Runtime [^>]*lifetime="long"/.test(host));
    expect(shared).toHaveLength(1);
    const actions = [...(shared[0] ?? "").matchAll(/<Action\b[\s\S]*?<\/Action>/g)].map((m) => m[0]);
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.filter((action) => /<TaskpaneId>/i.test(action))).toEqual([]);
    // Comments do not count as elements: strip them before looking.
    expect((shared[0] ?? "").replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/<TaskpaneId>/i);
  });

  it("puts the custom functions under the ADUANA namespace and the UI in Spanish", () => {
    expect(source).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="ADUANA"\/>/);
    expect(source).toMatch(/<DefaultLocale>es-CO<\/DefaultLocale>/);
    expect(source).toMatch(/<OfficeTab id="TabHome">/);
    expect(source).toMatch(/<FunctionName>generarEvaluacionAnual<\/FunctionName>/);
  });

  it("asks for document read/write and nothing more", () => {
    expect(attributeValues(source, /<Permissions>([^<]+)<\/Permissions>/g)).toEqual(["ReadWriteDocument"]);
  });
});

describe("the production build (dist/)", () => {
  const built = readDist("manifest.xml");

  it("rewrites every localhost URL to the production origin", () => {
    const origin = (process.env.ADDIN_ORIGIN ?? JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).config.productionOrigin) as string;
    expect(built).not.toContain(devOrigin);
    expect(built).toContain(`${origin.replace(/\/+$/, "")}/taskpane.html`);
  });

  it("produces every file the manifest names", () => {
    const urls = attributeValues(source, /DefaultValue="(https:\/\/localhost:3000\/[^"]*)"/g);
    const files = [...new Set(urls.map((url) => url.slice(devOrigin.length + 1)))];
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "assets/icon-32.png"]));
    expect(files.filter((file) => !existsSync(join(distDir, file)))).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN before the functions and the pane", () => {
    const html = readDist("taskpane.html");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBeGreaterThan(-1);
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(html.indexOf("functions.js"));
  });
});
