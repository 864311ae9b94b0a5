import { ALL_SCHEMAS, OPERATIONS_SCHEMA, ALLIANCES_SCHEMA, NONCONFORMITIES_SCHEMA, headerKey, matchHeaders } from "../../../src/domain/workbook";
import { aliasIndex } from "../../../src/domain/workbook/header-matching";

describe("headerKey", () => {
  it.each([
    ["No. DO", "DO"],
    ["Nro DO", "DO"],
    ["N° DO", "DO"],
    ["Número DO", "DO"],
    ["DO No.", "DO"],
    ["  fecha   LEVANTE ", "Fecha levante"],
    ["F. levante", "Fecha levante"],
    ["Importador/Exportador", "importador exportador"],
    ["E-mail", "Correo"],
    ["Sábado hábil", "sabado habil"],
  ])("reads %p like %p", (a, b) => {
    expect(headerKey(a)).toBe(headerKey(b));
  });

  it("keeps different columns apart", () => {
    expect(headerKey("Fecha entrega")).not.toBe(headerKey("Fecha levante"));
    expect(headerKey("NIT cliente")).not.toBe(headerKey("Cliente"));
  });
});

describe("matchHeaders", () => {
  it.each([
    ["No. DO", "do"], ["Nro DO", "do"], ["N° DO", "do"], ["Número DO", "do"], ["DO No.", "do"],
    ["Aduana", "city"], ["Ciudad aduana", "city"],
    ["Alianza", "alliance"], ["Aliado estratégico", "alliance"], ["Agencia", "alliance"],
    ["F. levante", "release"], ["Fecha levante", "release"], ["Levante", "release"],
    ["F. apertura", "opened"], ["Apertura DO", "opened"],
    ["Importador/Exportador", "client"], ["Cliente", "client"],
    ["NIT", "clientNit"], ["Nit cliente", "clientNit"],
    ["Fecha llegada", "arrival"], ["ETA real", "arrival"], ["Llegada", "arrival"],
    ["Docs completos", "documentsComplete"],
    ["Fecha DIM", "declaration"], ["Presentación DIM", "declaration"], ["Aceptación", "declaration"],
    ["Entrega", "delivery"], ["Embarque", "delivery"],
    ["Factura", "invoiced"], ["Fecha factura", "invoiced"],
    ["Observaciones", "notes"], ["Tiempo de servicio", "serviceTime"], ["Meta ANS", "target"],
  ])("recognises the operations header %p", (header, key) => {
    const match = matchHeaders([header], OPERATIONS_SCHEMA);
    expect(match.specAt[0]?.key).toBe(key);
  });

  it("gives each column to one header only: exact first, then the first alias; the rest stay the user's", () => {
    const match = matchHeaders(["No. DO", "Aduana", "DO", "Nro DO", "Contenedor", "Ciudad aduana"], OPERATIONS_SCHEMA);
    expect(match.specAt.map((spec) => spec?.key ?? null)).toEqual([null, "city", "do", null, null, null]);
    expect(match.recognised).toBe(2);
  });

  it.each(ALL_SCHEMAS.map((schema) => [schema.table, schema] as const))("%s has no spelling that names two columns", (_name, schema) => {
    const owners = new Map<string, string>();
    for (const spec of schema.columns) {
      for (const spelling of [spec.header, ...spec.aliases]) {
        const key = headerKey(spelling);
        const owner = owners.get(key);
        if (owner !== undefined) expect(`${spelling} → ${owner}`).toBe(`${spelling} → ${spec.key}`);
        owners.set(key, spec.key);
      }
    }
    expect(aliasIndex(schema).size).toBe(owners.size);
  });

  it("recognises alliance and non-conformity spellings", () => {
    expect(matchHeaders(["Alianza", "NIT", "Cobertura", "E-mail", "Vencimiento"], ALLIANCES_SCHEMA).recognised).toBe(5);
    expect(matchHeaders(["No.", "Fecha", "Detalle", "Severidad", "¿Eficaz?"], NONCONFORMITIES_SCHEMA).recognised).toBe(5);
  });
});
