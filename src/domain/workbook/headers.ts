/** Exact sheet, table and header names of SPEC §1. Code refers to columns by these keys, never by position. */

export const SHEETS = {
  operations: "Operaciones",
  alliances: "Alianzas",
  nonconformities: "No Conformidades",
  parameters: "Parámetros",
} as const;

export const TABLES = {
  operations: "tblOperaciones",
  alliances: "tblAlianzas",
  nonconformities: "tblNoConformidades",
  extraHolidays: "tblFestivosExtra",
} as const;

export const OPERATION_HEADERS = {
  do: "DO",
  type: "Tipo",
  client: "Cliente",
  clientNit: "NIT cliente",
  city: "Ciudad",
  mode: "Modo",
  alliance: "Aliado",
  coordinator: "Coordinador",
  opened: "Fecha apertura DO",
  arrival: "Fecha llegada mercancía",
  documentsComplete: "Fecha documentos completos",
  declaration: "Fecha presentación declaración",
  release: "Fecha levante / autorización",
  delivery: "Fecha entrega / embarque",
  invoiced: "Fecha facturación",
  clientDelayDays: "Días imputables cliente",
  target: "Meta ANS (días hábiles)",
  serviceTime: "Tiempo servicio (días hábiles)",
  ansStatus: "Estado ANS",
  nc: "NC",
  notes: "Observaciones",
} as const;

export const ALLIANCE_HEADERS = {
  alliance: "Aliado",
  nit: "NIT",
  cities: "Ciudades",
  contact: "Contacto",
  email: "Correo",
  phone: "Teléfono",
  contract: "Contrato Nº",
  contractStart: "Inicio contrato",
  contractEnd: "Fin contrato",
  importTarget: "Meta importación (días hábiles)",
  exportTarget: "Meta exportación (días hábiles)",
  saturdayBusiness: "Sábado hábil",
  status: "Estado",
  certifications: "Certificaciones",
  restrictiveListCheck: "Última verificación listas restrictivas",
  contractFile: "Anexo contrato",
} as const;

export const NONCONFORMITY_HEADERS = {
  number: "Nº",
  date: "Fecha",
  type: "Tipo",
  do: "DO",
  alliance: "Aliado",
  description: "Descripción",
  severity: "Gravedad",
  correction: "Corrección inmediata",
  rootCause: "Causa raíz",
  correctiveAction: "Acción correctiva",
  owner: "Responsable",
  dueDate: "Fecha compromiso",
  closedDate: "Fecha cierre",
  effective: "Eficaz",
  status: "Estado",
} as const;

export const EXTRA_HOLIDAY_HEADERS = {
  date: "Fecha",
  reason: "Motivo",
} as const;

/** The seven alliance cities, with their DIAN seccional. */
export const ALLIANCE_CITIES = [
  { city: "Cartagena", seccional: "Dirección Seccional de Aduanas de Cartagena" },
  { city: "Cúcuta", seccional: "Dirección Seccional de Impuestos y Aduanas de Cúcuta" },
  { city: "Ipiales", seccional: "Dirección Seccional de Impuestos y Aduanas de Ipiales" },
  { city: "Maicao", seccional: "Dirección Seccional de Impuestos y Aduanas de Maicao" },
  { city: "Riohacha", seccional: "Dirección Seccional de Impuestos y Aduanas de Riohacha" },
  { city: "Bogotá", seccional: "Dirección Seccional de Aduanas de Bogotá" },
  { city: "Barranquilla", seccional: "Dirección Seccional de Aduanas de Barranquilla" },
] as const;

/** Own offices: a DO there is out of this workbook's scope. */
export const OWN_OFFICE_CITIES = ["Buenaventura", "Cali"] as const;

export const LISTS = {
  operationType: ["Importación", "Exportación"],
  mode: ["Marítimo", "Aéreo", "Terrestre"],
  yesNo: ["Sí", "No"],
  allianceStatus: ["Activo", "Condicionado", "Suspendido", "Terminado"],
  nonconformityType: ["No conformidad", "Reclamo cliente", "Queja", "Incumplimiento ANS", "Hallazgo auditoría"],
  severity: ["Menor", "Mayor", "Crítica"],
  effective: ["Sí", "No", "Pendiente"],
  nonconformityStatus: ["Abierta", "En análisis", "En ejecución", "Cerrada", "Anulada"],
} as const;

/** Tables of the `Parámetros` sheet besides tblFestivosExtra. */
export const PARAMETER_TABLES = {
  cities: "tblCiudades",
  weights: "tblPesosEvaluacion",
  ratingBands: "tblBandasCalificacion",
  settings: "tblParametros",
} as const;

export const CITY_HEADERS = { city: "Ciudad", seccional: "Seccional DIAN" } as const;
/** One row per criterion C1…C5; Peso is a fraction (0.35) shown as a percentage. */
export const WEIGHT_HEADERS = { criterion: "Criterio", weight: "Peso" } as const;
/** One row per rating with its lower bound: Excelente 90, Bueno 75, Aceptable 60, Deficiente 0. */
export const RATING_BAND_HEADERS = { rating: "Calificación", minimum: "Puntaje mínimo", decision: "Decisión" } as const;
/** Named settings: "Hoy" (the status date, see status-date.ts), "Hora inicio jornada" (8), "Hora fin jornada" (17). */
export const SETTING_HEADERS = { name: "Parámetro", value: "Valor" } as const;
export const SETTING_NAMES = {
  today: "Hoy",
  workStart: "Hora inicio jornada",
  workEnd: "Hora fin jornada",
  ncAnalysisDays: "Días hábiles para analizar NC",
} as const;
/** Workbook-level name of the status-date cell; row formulas refer to it instead of calling TODAY(). */
export const TODAY_NAME = "ADUANA_HOY";
