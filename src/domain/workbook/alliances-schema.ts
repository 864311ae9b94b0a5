import { ALLIANCE_HEADERS as H, LISTS, SHEETS, TABLES } from "./headers";
import { columnBuilders } from "./column-builders";
import { WHOLE_NUMBER_FORMAT } from "./schema-types";
import type { ColumnSpec, TableSchema } from "./schema-types";

const { text, date } = columnBuilders(H);
const target = (key: "importTarget" | "exportTarget", aliases: string[]): ColumnSpec => ({
  key,
  header: H[key],
  kind: "number",
  required: true,
  numberFormat: WHOLE_NUMBER_FORMAT,
  width: 16,
  aliases,
});

/** tblAlianzas, SPEC §1.2: one row per partner, with its contract annex. */
export const ALLIANCES_SCHEMA: TableSchema = {
  entity: "alliances",
  table: TABLES.alliances,
  sheet: SHEETS.alliances,
  anchor: "alliance",
  style: "TableStyleMedium2",
  columns: [
    text("alliance", 26, ["Alianza", "Aliado estratégico", "Alianza estratégica", "Agencia", "Socio", "Socio comercial", "Razón social", "Nombre aliado"], true),
    text("nit", 15, ["NIT aliado", "Nit/DV", "NIT agencia"], true),
    text("cities", 22, ["Ciudad", "Cobertura", "Ciudades cubiertas", "Aduanas", "Ciudades que cubre"], true),
    text("contact", 20, ["Persona contacto", "Nombre contacto", "Persona de contacto"]),
    text("email", 26, ["E-mail", "Correo electrónico", "Email contacto", "Correo contacto"]),
    text("phone", 15, ["Tel.", "Celular", "Teléfono contacto", "Teléfonos"]),
    text("contract", 14, ["Contrato", "No. contrato", "Número contrato", "Nro contrato"], true),
    date("contractStart", ["Fecha inicio", "Inicio", "Fecha inicio contrato", "Vigencia desde", "Inicio vigencia"], true),
    date("contractEnd", ["Fecha fin", "Fin", "Vencimiento", "Fecha vencimiento", "Vigencia hasta", "Fecha fin contrato", "Vencimiento contrato", "Fin vigencia"], true),
    target("importTarget", ["Meta importación", "ANS importación", "Meta imp", "Días importación", "Meta importaciones"]),
    target("exportTarget", ["Meta exportación", "ANS exportación", "Meta exp", "Días exportación", "Meta exportaciones"]),
    {
      key: "saturdayBusiness",
      header: H.saturdayBusiness,
      kind: "yesno",
      required: false,
      list: { values: LISTS.yesNo },
      width: 12,
      aliases: ["Sábado", "Sábados", "Trabaja sábado", "Trabaja sábados", "Sábados hábiles"],
      // SATURDAY in OPERATION_FORMULAS compares it with ="Sí".
      comparedAsTyped: true,
    },
    {
      key: "status",
      header: H.status,
      kind: "list",
      required: false,
      list: { values: LISTS.allianceStatus },
      width: 14,
      aliases: ["Estado aliado", "Estado alianza", "Estado contrato"],
    },
    text("certifications", 20, ["Certificación", "Certificados", "Certificaciones vigentes"]),
    date("restrictiveListCheck", ["Listas restrictivas", "Verificación listas", "Verificación listas restrictivas", "Verificación SARLAFT", "SARLAFT", "Fecha verificación listas", "Consulta listas restrictivas"], false),
    text("contractFile", 30, ["Anexo", "Contrato firmado", "Enlace contrato", "Ruta contrato", "Link contrato"]),
  ],
};
