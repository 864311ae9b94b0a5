/** Stable rule ids of SPEC §5. */
export const RULE_IDS = [
  "campo-obligatorio",
  "do-duplicado",
  "fecha-invalida",
  "fecha-futura",
  "orden-hitos",
  "valor-no-permitido",
  "ciudad-desconocida",
  "fuera-de-alcance",
  "aliado-desconocido",
  "aliado-sin-cobertura",
  "contrato-vencido",
  "nit-invalido",
  "ans-incumplido",
  "nc-faltante",
  "nc-do-desconocido",
  "nc-cierre-incompleto",
  // §1 rules that §5 does not name:
  "nc-desconocida",
  "nc-numero-invalido",
  "aliado-duplicado",
  "correo-invalido",
  "contrato-por-vencer",
  "listas-restrictivas-vencidas",
  "fecha-estado-antigua",
  // Follow-up rules (SPEC §5, Seguimiento):
  "do-vencido",
  "nc-compromiso-vencido",
  "nc-sin-analisis",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "advertencia";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell, e.g. "F12". */
  cell: string;
  /** 0-based sheet coordinates of the same cell (for selecting it and for sorting). */
  row: number;
  col: number;
  /** Spanish: what is wrong and how to fix it. */
  message: string;
  /** The DO (or NC Nº) of the row, when there is one: lets the pane prefill a non-conformity. */
  rowKey?: string;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  byRule: Partial<Record<RuleId, number>>;
  bySheet: Record<string, number>;
}

export interface ValidationReport {
  findings: Finding[];
  summary: ValidationSummary;
  /** DOs checked: non-blank data rows of the operations table (0 when it has only headers or is missing). */
  operations: number;
  /** Sheet of the operations table as found in the workbook, null when there is none. */
  operationsSheet: string | null;
}
