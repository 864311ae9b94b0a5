import { ExcelMessages } from "../excel/messages";

const days = (n: number): string => `${n} día${n === 1 ? "" : "s"}`;

/**
 * The pane's messages: what an action is doing, what it did, what to do next, and the explanations under each
 * section. Button and field labels stay in the components; findings, notes and errors come from the domain's
 * and the adapter's catalogues.
 */
export const PaneMessages = {
  outsideExcel:
    "Abra este complemento desde Excel: en la pestaña Inicio, elija «Control de Alianzas». Esta página sola, abierta en el navegador, no puede leer ni cambiar ningún libro.",
  ribbonNoticeLead: "Evaluación anual (cinta): ",

  // Progress labels.
  working: "Trabajando en el libro…",
  validating: "Validando el cuadro…",
  summarizing: "Calculando el resumen…",
  previewing: "Calculando la vista previa…",
  generatingEvaluation: ExcelMessages.generatingEvaluation,
  generatingIndicators: (year: number): string => `Generando los indicadores ${year}…`,
  followingUp: "Calculando el seguimiento…",
  readingSelection: "Leyendo la selección…",
  registering: "Registrando la no conformidad…",
  findingBroken: "Buscando fórmulas con #NAME?…",
  repairing: "Reparando las fórmulas…",
  diagnosing: "Probando las funciones de Excel…",

  // Preparar and the sample.
  prepareExplained:
    "Crea o completa las hojas Operaciones, Alianzas, No Conformidades y Parámetros con sus tablas, fórmulas, listas y formatos. " +
    "Antes de reestructurar una hoja guarda una copia «Respaldo…»; nunca borra lo que usted escribió.",
  alreadyPrepared: "El cuadro ya estaba preparado; no se cambió nada.",
  sampleAlreadyThere: "No se agregaron datos de ejemplo: el libro ya los tiene.",
  changedByOthersTitle: "Celdas que otra persona cambió",
  changedByOthers: "Revise estas celdas y vuelva a ejecutar la acción si hace falta:",

  // Validar.
  noFindingWithFilter: "Ningún hallazgo con ese filtro.",

  // Resumen.
  contractEnd: (end: string, daysLeft: number): string =>
    daysLeft < 0
      ? `venció el ${end} (hace ${days(-daysLeft)}): renueve el contrato o cambie su Estado a «Terminado»`
      : `vence el ${end} (${daysLeft === 0 ? "hoy" : `en ${days(daysLeft)}`})`,
  contractsEnding: (withinDays: number): string => `Contratos vencidos o que vencen en los próximos ${withinDays} días`,

  // Registrar no conformidad.
  ncTypeRequired: "Elija el tipo.",
  ncDateRequired: "Escriba la fecha de la no conformidad.",
  ncDescriptionRequired: "Describa qué pasó: es obligatorio.",
  ncSeverityRequired: "Elija la gravedad.",
  ncDueBeforeDate: "La fecha compromiso no puede ser anterior a la fecha de la NC.",
  selectOperationRow: "Seleccione una celda de la fila del DO en la tabla de Operaciones y vuelva a intentarlo.",
  ncDoHint: "Opcional; si lo da, el DO queda enlazado a la NC.",

  // Evaluación.
  evaluationExists: (sheet: string): string =>
    `La hoja «${sheet}» ya existe: Generar actualiza las cifras y conserva lo que escribió el evaluador (C4, C5, excluyente, observaciones, firmas).`,
  evaluationPreview: (year: number): string => `Vista previa de la evaluación ${year}`,
  scorePending: "El puntaje queda pendiente hasta que el evaluador califique C4 y C5 en la hoja.",

  // Seguimiento and indicators.
  indicatorsExplained: "Cumplimiento ANS por mes, aliado y ciudad, tiempos por etapa y no conformidades, con gráficos. Al regenerar se conservan los comentarios.",
  nothingPending: (date: string): string => `Al ${date} no hay DO vencidos ni en riesgo, ni no conformidades pendientes.`,
  pending: (date: string, operations: number, nonconformities: number): string =>
    `Al ${date}: ${operations} ${operations === 1 ? "DO vencido" : "DO vencidos"} o en riesgo · ` +
    `${nonconformities} ${nonconformities === 1 ? "no conformidad" : "no conformidades"} por atender.`,
  nonconformitiesToAttend: (count: number): string => `No conformidades por atender: ${count}`,
  nothingPendingWithFilter: "Nada pendiente con ese filtro.",

  // Reparar fórmulas.
  repairExplained:
    "Si al abrir el libro las columnas de tiempos muestran #¿NOMBRE? (#NAME?), Excel aún no reconoce las funciones ADUANA. " +
    "Este botón vuelve a escribir esas fórmulas, sin cambiarlas.",
  brokenFormulas: (count: number): string => {
    const cause = "Excel aún no reconoce las funciones del complemento en este libro.";
    return count === 1 ? `1 fórmula ADUANA muestra #¿NOMBRE? (#NAME?): ${cause}` : `${count} fórmulas ADUANA muestran #¿NOMBRE? (#NAME?): ${cause}`;
  },
  nothingToRepair: "No hay fórmulas ADUANA con #NAME?: no hizo falta reparar nada.",
  repaired: (count: number): string => `Se repararon ${count} fórmulas.`,

  // Diagnóstico.
  diagnosticsExplained:
    "Comprueba en una hoja temporal que este Excel hace todo lo que el complemento necesita (tablas, listas, formatos, copias de " +
    "hoja, nombres, gráficos y funciones ADUANA) y después la borra. No cambia sus datos.",
  reportCopied: "Informe copiado. Péguelo en su solicitud de soporte.",
  reportSelected: "Excel no permitió copiar automáticamente: el informe quedó seleccionado; cópielo con Ctrl+C (⌘+C en Mac).",
  diagnosticsOutcome: (failures: number): string =>
    failures === 0
      ? "Todo funciona en este Excel."
      : `${failures} ${failures === 1 ? "función falla" : "funciones fallan"} en este Excel: copie el informe y envíelo a soporte.`,
} as const;
