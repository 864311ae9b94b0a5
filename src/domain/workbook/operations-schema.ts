import { LISTS, OPERATION_HEADERS as H, PARAMETER_TABLES, SHEETS, TABLES } from "./headers";
import { columnBuilders } from "./column-builders";
import { DATE_FORMAT, WHOLE_NUMBER_FORMAT } from "./schema-types";
import type { TableSchema } from "./schema-types";

const { text, list, dateTime } = columnBuilders(H);

/** tblOperaciones, SPEC §1.1, in SPEC order. */
export const OPERATIONS_SCHEMA: TableSchema = {
  entity: "operations",
  table: TABLES.operations,
  sheet: SHEETS.operations,
  anchor: "do",
  style: "TableStyleMedium2",
  columns: [
    text("do", 14, ["No. DO", "Nro DO", "N° DO", "Número DO", "DO No.", "Número de DO", "DO interno", "Nro. DO", "Num DO"], true),
    list("type", LISTS.operationType, 13, ["Tipo operación", "Tipo de operación", "Operación", "Imp/Exp", "Importación/Exportación", "Impo/Expo"], { required: true, comparedAsTyped: true }),
    text("client", 28, ["Importador/Exportador", "Importador", "Exportador", "Nombre cliente", "Razón social", "Razón social cliente"], true),
    text("clientNit", 15, ["NIT", "Nit cliente", "NIT del cliente", "NIT importador", "NIT importador/exportador", "Nit/CC cliente"]),
    list("city", { table: PARAMETER_TABLES.cities, column: "Ciudad" }, 14, ["Aduana", "Ciudad aduana", "Ciudad de aduana", "Puerto", "Puerto/Aduana", "Aduana de despacho", "Lugar", "Plaza"], { required: true }),
    list("mode", LISTS.mode, 12, ["Modo transporte", "Modo de transporte", "Medio de transporte", "Medio transporte", "Transporte", "Vía"]),
    list("alliance", { table: TABLES.alliances, column: "Aliado" }, 24, ["Alianza", "Aliado estratégico", "Alianza estratégica", "Agencia", "Agencia aliada", "Socio", "Socio comercial", "Agencia de aduanas"], { required: true }),
    text("coordinator", 18, ["Coordinadora", "Coord.", "Analista", "Coordinador Cali", "Responsable"]),
    {
      key: "opened",
      header: H.opened,
      kind: "date",
      required: true,
      numberFormat: DATE_FORMAT,
      width: 14,
      aliases: ["F. apertura", "Apertura DO", "Fecha apertura", "Apertura", "Fecha DO", "F. apertura DO", "Fecha de apertura del DO"],
    },
    dateTime("arrival", ["Fecha llegada", "ETA real", "Llegada", "Llegada mercancía", "F. llegada", "Fecha arribo", "Arribo", "Fecha ingreso zona primaria", "Ingreso zona primaria", "Fecha llegada carga", "Llegada carga"]),
    dateTime("documentsComplete", ["Docs completos", "Documentos completos", "Fecha docs completos", "F. docs completos", "Documentación completa", "Fecha documentación completa"]),
    dateTime("declaration", ["Fecha DIM", "Presentación DIM", "Aceptación", "Fecha aceptación", "Presentación declaración", "Fecha presentación", "F. presentación", "Fecha SAE", "DIM", "SAE", "Fecha DIM/SAE", "Aceptación DIM", "Fecha declaración", "Presentación DIM/SAE"]),
    dateTime("release", ["F. levante", "Fecha levante", "Levante", "Fecha autorización", "Autorización embarque", "Fecha autorización embarque", "Levante / autorización", "Fecha levante/autorización de embarque", "Levante/Autorización"]),
    dateTime("delivery", ["Entrega", "Embarque", "Fecha entrega", "Fecha embarque", "Entrega / embarque", "F. entrega", "F. embarque", "Fecha despacho"]),
    {
      key: "invoiced",
      header: H.invoiced,
      kind: "date",
      required: false,
      numberFormat: DATE_FORMAT,
      width: 14,
      aliases: ["Factura", "Fecha factura", "Facturación", "F. factura", "F. facturación", "Fecha facturado"],
    },
    {
      key: "clientDelayDays",
      header: H.clientDelayDays,
      kind: "number",
      required: false,
      numberFormat: WHOLE_NUMBER_FORMAT,
      width: 12,
      aliases: ["Días cliente", "Días imputables", "Demora cliente", "Días demora cliente", "Días imputables al cliente"],
    },
    {
      key: "target",
      header: H.target,
      kind: "formula",
      required: false,
      formula: "target",
      numberFormat: WHOLE_NUMBER_FORMAT,
      width: 12,
      aliases: ["Meta ANS", "Meta", "ANS", "Días meta", "Meta días", "Meta (días hábiles)"],
    },
    {
      key: "serviceTime",
      header: H.serviceTime,
      kind: "formula",
      required: false,
      formula: "serviceTime",
      numberFormat: WHOLE_NUMBER_FORMAT,
      width: 14,
      aliases: ["Tiempo servicio", "Tiempo de servicio", "Días hábiles", "Tiempo", "Días servicio", "Tiempo (días hábiles)", "Días de servicio"],
    },
    {
      key: "ansStatus",
      header: H.ansStatus,
      kind: "formula",
      required: false,
      formula: "ansStatus",
      width: 12,
      aliases: ["Cumple ANS", "Cumplimiento ANS", "Cumplimiento", "Cumple", "ANS cumplido"],
    },
    text("nc", 14, ["No. NC", "Nº NC", "No conformidad", "Número NC", "NC asociada"]),
    text("notes", 36, ["Observación", "Obs.", "Notas", "Comentarios", "Novedades"]),
  ],
};
