import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";

export const repoRoot = resolve(__dirname, "..", "..");
export const distDir = join(repoRoot, "dist");

/** Reads a file of the production build; `npm test` builds before running jest. */
export function readDist(name: string): string {
  const file = join(distDir, name);
  if (!existsSync(file)) throw new Error(`Falta dist/${name}: ejecute "npm run build" antes de estas pruebas.`);
  return readFileSync(file, "utf8");
}
