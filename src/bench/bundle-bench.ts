import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const TASKPANE_BUDGET_KB = 250;

/** Size of the production bundles in dist/ (run `npm run build` first): the pane must stay under 250 KB gzipped. */
export async function runBundleBench(distDir = join(process.cwd(), "dist")): Promise<string[]> {
  const lines: string[] = [];
  for (const file of ["taskpane.js", "functions.js"]) {
    const path = join(distDir, file);
    if (!existsSync(path)) return [`No hay ${join("dist", file)}: ejecute «npm run build» para medir el paquete.`];
    const bytes = readFileSync(path);
    const gzipKb = gzipSync(bytes, { level: 9 }).length / 1000;
    const budget = file === "taskpane.js" ? ` — meta < ${TASKPANE_BUDGET_KB} KB: ${gzipKb < TASKPANE_BUDGET_KB ? "cumple" : "NO cumple"}` : "";
    lines.push(`${file}: ${(bytes.length / 1000).toFixed(1)} KB minificado, ${gzipKb.toFixed(1)} KB con gzip${budget}`);
  }
  return lines;
}
