import type { Finding, RuleId, Severity } from "../domain/validation/finding";

/** Short Spanish name of each rule, for group headings and the rule filter. */
/** Partial: a rule added later still shows, under its id, until it gets a label here. */
export const RULE_LABELS: Partial<Record<RuleId, string>> & Record<string, string | undefined> = {
  "campo-obligatorio": "Campo obligatorio vacío",
  "do-duplicado": "DO duplicado",
  "fecha-invalida": "Fecha inválida",
  "fecha-futura": "Fecha futura",
  "orden-hitos": "Hitos en desorden",
  "valor-no-permitido": "Valor fuera de la lista",
  "ciudad-desconocida": "Ciudad desconocida",
  "fuera-de-alcance": "Fuera de alcance",
  "aliado-desconocido": "Aliado desconocido",
  "aliado-sin-cobertura": "Aliado sin cobertura en la ciudad",
  "contrato-vencido": "Contrato no vigente",
  "nit-invalido": "NIT inválido",
  "ans-incumplido": "ANS incumplido",
  "nc-faltante": "Falta la no conformidad",
  "nc-do-desconocido": "NC con DO desconocido",
  "nc-cierre-incompleto": "Cierre de NC incompleto",
  "nc-desconocida": "NC inexistente",
  "nc-numero-invalido": "Nº de NC inválido",
  "aliado-duplicado": "Aliado duplicado",
  "correo-invalido": "Correo inválido",
  "contrato-por-vencer": "Contrato por vencer",
  "listas-restrictivas-vencidas": "Verificación de listas restrictivas vencida",
  "fecha-estado-antigua": "Fecha de estado (ADUANA_HOY) atrasada",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "Errores", advertencia: "Advertencias" };

export interface RuleGroup {
  rule: RuleId;
  label: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  label: string;
  count: number;
  rules: RuleGroup[];
}

export interface FindingFilter {
  sheet: string;
  rule: string;
}

/** Findings that pass the filter ("" = all), grouped by severity (errors first) then rule (most frequent first). */
export function groupFindings(findings: readonly Finding[], filter: FindingFilter): SeverityGroup[] {
  const shown = findings.filter((f) => (filter.sheet === "" || f.sheet === filter.sheet) && (filter.rule === "" || f.rule === filter.rule));
  return (["error", "advertencia"] as const)
    .map((severity) => {
      const byRule = new Map<RuleId, Finding[]>();
      for (const f of shown.filter((x) => x.severity === severity)) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
      const rules = [...byRule]
        .map(([rule, list]) => ({ rule, label: RULE_LABELS[rule] ?? rule, findings: [...list].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col) }))
        .sort((a, b) => b.findings.length - a.findings.length || a.label.localeCompare(b.label));
      return { severity, label: SEVERITY_LABELS[severity], count: rules.reduce((n, r) => n + r.findings.length, 0), rules };
    })
    .filter((g) => g.count > 0);
}

/** Findings from which the pane offers "Registrar NC" (ISO 10.2: an ANS breach wants a non-conformity). */
export const NC_RULES: readonly RuleId[] = ["ans-incumplido", "nc-faltante"];
