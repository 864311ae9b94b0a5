import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import path from "path";

interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly dimensionality?: string;
}
interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly dimensionality?: string };
}

const SIGNATURES: Record<string, string> = {
  TIEMPO_SERVICIO: "inicio, fin, [unidad], [sabado_habil], [festivos_extra]",
  DIAS_HABILES: "inicio, fin, [sabado_habil], [festivos_extra]",
  FECHA_LIMITE: "inicio, dias, [sabado_habil], [festivos_extra]",
  ES_FESTIVO: "fecha",
  NOMBRE_FESTIVO: "fecha",
  FESTIVOS: "año",
  ESTADO_ANS: "inicio, fin, meta, [hoy], [sabado_habil], [festivos_extra]",
  NIT_DV: "nit",
  NIT_VALIDO: "nit",
  CALIFICACION: "puntaje, [excluyente]",
};

describe("functions.json generated from src/functions/functions.ts", () => {
  let functions: FunctionMetadata[] = [];
  let associations: { functionName: string; id: string }[] = [];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
    associations = result.associate;
  });

  it("returns exactly the ten ADUANA functions, with SPEC §2's argument order", () => {
    const signatures = Object.fromEntries(
      functions.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")]),
    );
    expect(signatures).toEqual(SIGNATURES);
    expect(functions.every((f) => f.name === f.id)).toBe(true);
  });

  it("returns a Spanish description for every function and every parameter", () => {
    for (const f of functions) {
      expect(f.description).toMatch(/[a-záéíóúñ]{3,}/);
      for (const parameter of f.parameters) expect(parameter.description).toMatch(/[a-záéíóúñ]{3,}/);
    }
  });

  it("returns festivos_extra as a range and FESTIVOS as a spilled array", () => {
    for (const f of functions) {
      const extra = f.parameters.find((p) => p.name === "festivos_extra");
      if (extra) expect(extra.dimensionality).toBe("matrix");
    }
    expect(functions.find((f) => f.id === "FESTIVOS")?.result.dimensionality).toBe("matrix");
  });

  it("returns one CustomFunctions.associate per function for the build to inject", () => {
    expect(associations.map((a) => a.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
  });
});
