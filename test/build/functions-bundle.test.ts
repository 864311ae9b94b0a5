import { readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { readDist } from "./dist-files";

/** The FunctionName of each ExecuteFunction button in the manifest: the ids Office asks the bundle for. */
const RIBBON_FUNCTIONS = [
  ...readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8").matchAll(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>([^<]+)<\/FunctionName>/g),
].map((m) => m[1] ?? "");

const FUNCTION_IDS = [
  "CALIFICACION",
  "DIAS_HABILES",
  "ES_FESTIVO",
  "ESTADO_ANS",
  "FECHA_LIMITE",
  "FESTIVOS",
  "NIT_DV",
  "NIT_VALIDO",
  "NOMBRE_FESTIVO",
  "TIEMPO_SERVICIO",
].sort();

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}

describe("dist/functions.json", () => {
  const metadata = JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] };

  it("lists exactly the ten ADUANA functions", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTION_IDS);
    expect(metadata.functions.map((f) => f.name).sort()).toEqual(FUNCTION_IDS);
  });

  it("describes every function and every parameter in Spanish", () => {
    for (const f of metadata.functions) {
      expect(f.description ?? "").not.toBe("");
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`).not.toMatch(/: $/);
    }
  });
});

describe("dist/functions.js", () => {
  it("registers every function when loaded in a context that only provides CustomFunctions", () => {
    const registered = new Map<string, unknown>();
    const CustomFunctions = {
      associate: (id: string, fn: unknown) => {
        if (registered.has(id)) throw new Error(`${id} registrada dos veces`);
        registered.set(id, fn);
      },
      Error: class {
        constructor(
          public code: string,
          public message?: string,
        ) {}
      },
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    };
    runInNewContext(readDist("functions.js"), { CustomFunctions });
    expect([...registered.keys()].sort()).toEqual(FUNCTION_IDS);
    expect(RIBBON_FUNCTIONS).toHaveLength(1);
    for (const name of RIBBON_FUNCTIONS) expect(registered.has(name)).toBe(false);
    const tiempo = registered.get("TIEMPO_SERVICIO") as (a: number, b: number) => unknown;
    // Friday 2026-03-13 → Monday 2026-03-16: one business day.
    expect(tiempo(46094, 46097)).toBe(1);
  });

  it("associates the ribbon command at the top level, as it loads, before Office.onReady or the pane's bundle", () => {
    const commands: string[] = [];
    const onReady = jest.fn();
    const Office = {
      onReady,
      actions: { associate: (id: string, handler: unknown) => commands.push(`${id}:${typeof handler}`) },
    };
    const CustomFunctions = { associate: () => undefined, Error: class {}, ErrorCode: {} };
    runInNewContext(readDist("functions.js"), { CustomFunctions, Office, setTimeout, clearTimeout });
    expect(commands).toEqual(RIBBON_FUNCTIONS.map((name) => `${name}:function`));
    expect(onReady).not.toHaveBeenCalled();
  });
});
