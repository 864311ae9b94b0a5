import { LISTS, NONCONFORMITY_HEADERS as H, SHEETS, TABLES } from "./headers";
import { columnBuilders } from "./column-builders";
import type { TableSchema } from "./schema-types";

const { text, list, date } = columnBuilders(H);

/** tblNoConformidades, SPEC §1.3 (ISO 9001 §8.7 and §10.2). */
export const NONCONFORMITIES_SCHEMA: TableSchema = {
  entity: "nonconformities",
  table: TABLES.nonconformities,
  sheet: SHEETS.nonconformities,
  anchor: "description",
  style: "TableStyleMedium2",
  columns: [
    text("number", 14, ["No.", "Número", "NC", "Nº NC", "Número NC", "Consecutivo", "Código", "Código NC", "ID"], true),
    date("date", ["Fecha NC", "Fecha reporte", "Fecha registro", "Fecha detección", "Fecha de la NC"], true),
    list("type", LISTS.nonconformityType, 18, ["Tipo NC", "Clase", "Tipo de hallazgo"]),
    text("do", 14, ["No. DO", "Nro DO", "N° DO", "Número DO", "DO No.", "DO relacionado"]),
    {
      key: "alliance",
      header: H.alliance,
      kind: "list",
      required: false,
      list: { table: TABLES.alliances, column: "Aliado" },
      width: 24,
      aliases: ["Alianza", "Agencia", "Aliado estratégico", "Socio"],
    },
    text("description", 40, ["Detalle", "Descripción NC", "Descripción de la no conformidad", "Hallazgo", "Descripción del hallazgo"], true),
    list("severity", LISTS.severity, 11, ["Severidad", "Criticidad", "Impacto"]),
    text("correction", 30, ["Corrección", "Acción inmediata"]),
    text("rootCause", 30, ["Causa", "Análisis causa", "Análisis de causa"]),
    text("correctiveAction", 30, ["Acciones correctivas", "Plan de acción", "Acción"]),
    text("owner", 18, ["Responsable acción", "Encargado"]),
    date("dueDate", ["Fecha límite", "Compromiso", "Fecha compromiso acción"]),
    date("closedDate", ["Cierre", "Fecha de cierre", "Fecha cerrada"]),
    list("effective", LISTS.effective, 11, ["Eficacia", "¿Eficaz?", "Verificación eficacia", "Es eficaz"], { kind: "yesno" }),
    list("status", LISTS.nonconformityStatus, 13, ["Estado NC", "Estado de la NC"]),
  ],
};
