// Browser test of the built pane (run after `npm run build`): serves dist/ on 127.0.0.1, opens it in Debian
// Chromium through playwright-core with office.js routed to the local @microsoft/office-js copy, and checks
// rendering, console errors and axe-core accessibility. A test-only page renders the full pane with canned actions.
import { createServer } from "node:http";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.join(root, "dist");
const output = path.join(root, "test-output", "browser");
const previewDir = path.join(output, "preview");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const PANE_WIDTH = 350;

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✕ ${name}\n      ${String(error && error.stack ? error.stack : error).split("\n").join("\n      ")}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

/** Serves dist/ and the preview page on a free port of 127.0.0.1. */
async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const base = url.pathname.startsWith("/__preview/") ? previewDir : dist;
    const relative = decodeURIComponent(url.pathname.replace(/^\/__preview\//, "/")).replace(/^\/+/, "");
    const file = path.join(base, relative);
    if (!file.startsWith(base)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("no encontrado");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Bundles test/browser/preview-app.tsx into the test output, inside a copy of the built taskpane.html. */
async function buildPreview() {
  const webpack = require("webpack");
  await mkdir(previewDir, { recursive: true });
  const config = {
    mode: "production",
    devtool: false,
    entry: path.join(root, "test/browser/preview-app.tsx"),
    output: { path: previewDir, filename: "preview.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") } } }],
    },
    performance: { hints: false },
  };
  await new Promise((resolve, reject) =>
    webpack(config, (error, stats) => (error || stats.hasErrors() ? reject(error ?? new Error(stats.toString("errors-only"))) : resolve())),
  );
  const html = await readFile(path.join(dist, "taskpane.html"), "utf8");
  const withPreview = html.replace(/<script[^>]*src="?(functions|taskpane)\.js"?[^>]*><\/script>/g, "").replace("</body>", '<script src="preview.js"></script></body>');
  assert(!/taskpane\.js|functions\.js/.test(withPreview), "el HTML de vista previa aún carga los paquetes de producción");
  await writeFile(path.join(previewDir, "index.html"), withPreview);
}

async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(root, "node_modules", "axe-core", "axe.min.js") });
  const result = await page.evaluate(async () => {
    // Tabster's focus-trap sentinels are invisible, focusable-by-design helpers of Fluent UI.
    const r = await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, locale: "es-CO" });
  // Nothing else may leave the machine (routes registered later take precedence, so office.js is routed below).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
    try {
      await route.fulfill({ body: await readFile(path.join(officeDist, name)), contentType: "text/javascript" });
    } catch {
      await route.fulfill({ status: 404, body: "" });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors, context };
}

async function main() {
  await mkdir(output, { recursive: true });
  console.log("Construyendo la página de prueba con el panel completo…");
  await buildPreview();
  const { server, origin } = await serve();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const outside = await openPage(browser, `${origin}/taskpane.html`);
    await check("fuera de Excel el panel pide abrirlo desde Excel", async () => {
      await outside.page.getByText("Abra este complemento desde Excel", { exact: false }).waitFor({ timeout: 20_000 });
      assert((await outside.page.getByRole("heading", { name: "Control de Alianzas" }).count()) === 1, "falta el título");
      assert((await outside.page.locator("html").getAttribute("lang")) === "es-CO", "el documento no declara lang es-CO");
    });
    await check("fuera de Excel no hay errores en la consola", async () => {
      assert(outside.errors.length === 0, `errores: ${outside.errors.join(" | ")}`);
    });
    await check("fuera de Excel axe-core no encuentra infracciones graves ni críticas", async () => {
      const violations = await axeViolations(outside.page);
      assert(violations.length === 0, JSON.stringify(violations, null, 2));
    });
    await outside.page.screenshot({ path: path.join(output, "pane-outside-excel.png"), fullPage: true });

    const full = await openPage(browser, `${origin}/__preview/index.html`);
    const { page } = full;
    await check("el panel completo muestra sus secciones", async () => {
      await page.getByRole("heading", { name: "Control de Alianzas" }).waitFor({ timeout: 20_000 });
      for (const name of ["Preparar cuadro", "Validar", "Registrar no conformidad", "Resumen", "Evaluación anual", "Reparar fórmulas", "Diagnóstico"]) {
        assert((await page.locator("[aria-expanded]", { hasText: name }).count()) === 1, `falta la sección ${name}`);
      }
    });
    await check("Seguimiento se abre solo con el trabajo del día, su número y sus dos listas", async () => {
      await page.getByText("DO vencidos o en riesgo (2)").waitFor();
      const header = page.locator("button[aria-expanded]", { hasText: "Seguimiento" });
      assert((await header.getAttribute("aria-expanded")) === "true", "Seguimiento no se abrió solo");
      assert((await header.innerText()).includes("3"), "falta el número de pendientes en el encabezado");
      await page.getByText("No conformidades por atender (1)").waitFor();
      await page.getByRole("button", { name: "Ir al DO DO-2026-0042 (Operaciones!S42)" }).click();
    });
    await check("las acciones muestran su resultado con el teclado y el ratón", async () => {
      await page.locator("button:not([aria-expanded])", { hasText: "Preparar cuadro" }).click();
      await page.getByText("Se creó la tabla tblAlianzas.").waitFor();
      for (const name of ["Validar", "Registrar no conformidad", "Resumen", "Evaluación anual", "Reparar fórmulas", "Diagnóstico"]) {
        const header = page.locator("button[aria-expanded]", { hasText: name });
        await header.focus();
        await page.keyboard.press("Enter");
        assert((await header.getAttribute("aria-expanded")) === "true", `la sección ${name} no abre con Enter`);
      }
      await page.locator("button:not([aria-expanded])", { hasText: /^Validar$/ }).click();
      await page.getByText("2 errores · 1 advertencia").waitFor();
      await page.getByRole("button", { name: "Registrar NC para DO-2026-0042" }).click();
      // The form is filled after React re-renders: wait for it rather than reading at once (flaky under load).
      const tipo = page.getByRole("combobox", { name: /Tipo/ });
      await page.waitForFunction((el) => el?.value === "Incumplimiento ANS", await tipo.elementHandle(), { timeout: 10_000 }).catch(() => undefined);
      assert((await tipo.inputValue()) === "Incumplimiento ANS", "el formulario no se llenó");
      await page.getByRole("button", { name: "Ver resumen" }).click();
      await page.getByText("Frontera Norte — contrato CT-07", { exact: false }).waitFor();
      await page.getByRole("button", { name: "Vista previa" }).click();
      await page.getByRole("table", { name: "Vista previa de la evaluación 2025" }).waitFor();
      await page.getByRole("button", { name: "Ejecutar diagnóstico" }).click();
      await page.getByRole("list", { name: "Resultado por función" }).waitFor();
      const informe = await page.getByRole("textbox", { name: "Informe para soporte" }).inputValue();
      assert(informe.includes("Fórmulas con funciones ADUANA: falla"), "el informe del diagnóstico no dice qué falla");
    });
    await check(`el panel completo cabe en ${PANE_WIDTH} px sin desplazamiento horizontal`, async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const wide = await page.evaluate((limit) => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > limit).slice(0, 5).map((e) => `${e.tagName}.${e.className}`.slice(0, 120)), PANE_WIDTH);
      assert(width <= PANE_WIDTH, `el contenido mide ${width} px: ${wide.join(" | ")}`);
    });
    await check("el panel completo no tiene errores en la consola", async () => {
      assert(full.errors.length === 0, `errores: ${full.errors.join(" | ")}`);
    });
    await check("el panel completo pasa axe-core sin infracciones graves ni críticas", async () => {
      const violations = await axeViolations(page);
      assert(violations.length === 0, JSON.stringify(violations, null, 2));
    });
    await page.screenshot({ path: path.join(output, "pane-full.png"), fullPage: true });
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nCapturas en ${path.relative(root, output)}/`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
