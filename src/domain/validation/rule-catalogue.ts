import type { RuleId, Severity } from "./finding";

/** Severity and a short Spanish title of every rule (titles head the groups the pane and CLI show). */
export const RULES: Readonly<Record<RuleId, { severity: Severity; title: string }>> = {
  "campo-obligatorio": { severity: "error", title: "Campos obligatorios vacíos" },
  "do-duplicado": { severity: "error", title: "DO repetidos" },
  "fecha-invalida": { severity: "error", title: "Fechas inválidas o escritas como texto" },
  "fecha-futura": { severity: "error", title: "Fechas en el futuro" },
  "orden-hitos": { severity: "error", title: "Fechas en desorden" },
  "valor-no-permitido": { severity: "error", title: "Valores fuera de la lista o del rango" },
  "ciudad-desconocida": { severity: "error", title: "Ciudades desconocidas" },
  "fuera-de-alcance": { severity: "error", title: "DO de oficinas propias (fuera de alcance)" },
  "aliado-desconocido": { severity: "error", title: "Aliados que no están en Alianzas" },
  "aliado-sin-cobertura": { severity: "error", title: "Aliados que no cubren la ciudad" },
  "contrato-vencido": { severity: "error", title: "DO sin contrato vigente" },
  "nit-invalido": { severity: "error", title: "NIT inválidos" },
  "ans-incumplido": { severity: "advertencia", title: "ANS incumplidos" },
  "nc-faltante": { severity: "advertencia", title: "Incumplimientos sin no conformidad" },
  "nc-do-desconocido": { severity: "error", title: "No conformidades de DO inexistentes" },
  "nc-cierre-incompleto": { severity: "error", title: "Cierres de no conformidad incompletos" },
  "nc-desconocida": { severity: "error", title: "DO vinculados a una NC inexistente" },
  "nc-numero-invalido": { severity: "error", title: "Números de NC inválidos o repetidos" },
  "aliado-duplicado": { severity: "error", title: "Aliados repetidos" },
  "correo-invalido": { severity: "advertencia", title: "Correos inválidos" },
  "contrato-por-vencer": { severity: "advertencia", title: "Contratos por vencer o vencidos" },
  "listas-restrictivas-vencidas": { severity: "advertencia", title: "Verificación de listas restrictivas vencida" },
};
