import { existsSync, readFileSync } from "node:fs";
import { runDemo } from "../../src/cli/demo";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

describe("npm run demo", () => {
  it("writes the four demo files and prints DOs per alliance, % on time and findings by rule", async () => {
    let stdout = "";
    let stderr = "";
    const status = await runDemo({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: TODAY }, folder.file("demo"));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const name of ["cuadro-original.xlsx", "cuadro-ejemplo.xlsx", "cuadro-preparado.xlsx", "hallazgos.json"]) {
      expect(existsSync(folder.file(`demo/${name}`))).toBe(true);
    }
    const findings = JSON.parse(readFileSync(folder.file("demo/hallazgos.json"), "utf8")) as { summary: { byRule: Record<string, number> } };
    for (const rule of ["do-duplicado", "orden-hitos", "fecha-invalida", "fuera-de-alcance", "aliado-desconocido", "campo-obligatorio"]) {
      expect(findings.summary.byRule[rule]).toBe(1);
    }
    expect(stdout).toMatch(/Sabana Aduanas y Carga S\.A\.S\.\s+\d+ DO\s+[\d,]+ % a tiempo/);
    expect(stdout).toMatch(/Hallazgos: \d+ errores y \d+ advertencias, por regla:/);
  });
});
