/**
 * Test-only page: the full pane (all sections) with canned actions, so the browser test can check layout
 * and accessibility of what a coordinator sees inside Excel. Built by run-browser-tests.mjs, never shipped.
 */
import { webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Actions, ChangeResult } from "../../src/excel/action-types";
import { App } from "../../src/taskpane/App";
import { createNoticeChannel } from "../../src/taskpane/notices";

const change = (notes: string[]): ChangeResult => ({ notes, conflicts: [], skipped: [], cellsWritten: notes.length });
const later = <T,>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), 50));

const actions: Actions = {
  prepararCuadro: () => later(change(["Se creó la hoja «Operaciones».", "Se creó la tabla tblAlianzas."])),
  cargarDatosEjemplo: () => later(change(["Se agregaron 900 DO de ejemplo."])),
  validar: () =>
    later({
      findings: [
        { rule: "campo-obligatorio", severity: "error", sheet: "Operaciones", cell: "C5", row: 4, col: 2, message: "Falta el Cliente del DO DO-2026-0005: escríbalo." },
        { rule: "nit-invalido", severity: "error", sheet: "Alianzas", cell: "B3", row: 2, col: 1, message: "El NIT 900123456-1 no tiene el dígito de verificación correcto (debería ser 8)." },
        { rule: "ans-incumplido", severity: "advertencia", sheet: "Operaciones", cell: "R12", row: 11, col: 17, rowKey: "DO-2026-0042", message: "El DO tardó 7 días hábiles y la meta es 5." },
      ],
      summary: { errors: 2, warnings: 1, byRule: { "campo-obligatorio": 1, "nit-invalido": 1, "ans-incumplido": 1 }, bySheet: { Operaciones: 2, Alianzas: 1 } },
      operations: 42,
      operationsSheet: "Operaciones",
    }),
  seleccionarCelda: () => later(undefined),
  registrarNoConformidad: () => later({ ...change(["Se registró NC-2026-007."]), number: "NC-2026-007" }),
  leerSeleccionDO: () => later({ do: "DO-2026-0042", alliance: "Aduanas del Caribe" }),
  resumen: () =>
    later({
      year: 2026,
      openOperations: 12,
      openNonconformities: 4,
      onTimeByAlliance: [
        { alliance: "Aduanas del Caribe", measured: 30, onTime: 28, onTimePct: 93.3 },
        { alliance: "Frontera Norte", measured: 0, onTime: 0, onTimePct: null },
      ],
      expiringContracts: [{ alliance: "Frontera Norte", contract: "CT-07", end: "30/04/2026", daysLeft: 45 }],
    }),
  // Shows the #NAME? warning, so the layout and accessibility checks cover it.
  detectarFormulasRotas: () => later(3),
  repararFormulas: () => later({ ...change(["Se volvieron a escribir 3 fórmulas ADUANA que mostraban #NAME?."]), repaired: 3 }),
  vistaPreviaEvaluacion: (year) =>
    later({
      year,
      sheet: `Evaluación ${year}`,
      exists: false,
      partial: null,
      rows: [
        { alliance: "Aduanas del Caribe", operations: 120, onTimePct: 96, score: 91.5, rating: "Excelente" as const, decision: "Mantener / renovar" },
        { alliance: "Frontera Norte", operations: 0, onTimePct: null, score: null, rating: null, decision: null },
      ],
    }),
  generarEvaluacion: (year) => later({ ...change([`Se creó la hoja «Evaluación ${year}».`]), sheet: `Evaluación ${year}` }),
  generarIndicadores: (year) => later({ ...change([`Se creó la hoja «Indicadores ${year}».`]), sheet: `Indicadores ${year}` }),
  diagnostico: () =>
    later({
      platform: "OfficeOnline",
      version: "16.0.18025.10000",
      requirementSets: [
        { name: "ExcelApi", version: "1.7", supported: true, uses: ["copiar una hoja como respaldo"] },
        { name: "ExcelApi", version: "1.13", supported: false, uses: ["ampliar una tabla existente"] },
      ],
      checks: [
        { feature: "Crear una tabla", status: "ok" as const, detail: "" },
        { feature: "Ampliar una tabla con resize", status: "omitida" as const, detail: "Su versión de Excel no admite ampliar una tabla existente (ExcelApi 1.13): el complemento omite ese paso." },
        { feature: "Fórmulas con funciones ADUANA", status: "falla" as const, detail: 'ADUANA.ES_FESTIVO(DATE(2026,1,12)) devolvió "#NAME?" en vez de true' },
      ],
    }),
  // Something to do today, so Seguimiento opens by itself and the layout and accessibility checks cover it.
  seguimiento: () =>
    later({
      today: 46_097,
      operations: [
        { row: 41, do: "DO-2026-0042", alliance: "Aduanas del Caribe", city: "Cartagena", coordinator: "Laura Gómez", status: "Vencido" as const, dueDate: 46_094, businessDaysLeft: -2, sheet: "Operaciones", cell: "S42" },
        { row: 57, do: "DO-2026-0058", alliance: "Frontera Norte", city: "Cúcuta", coordinator: "Andrés Rivas", status: "En riesgo" as const, dueDate: 46_098, businessDaysLeft: 1, sheet: "Operaciones", cell: "S58" },
      ],
      nonconformities: [
        { row: 6, number: "NC-2026-003", alliance: "Frontera Norte", coordinator: "Andrés Rivas", reason: "nc-sin-analisis" as const, dueDate: 46_090, field: "rootCause" as const, sheet: "No Conformidades", cell: "I7" },
      ],
    }),
};

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <App inExcel actions={actions} theme={webLightTheme} defaultYear={2025} today="2026-03-16" notices={createNoticeChannel()} />,
  );
}
