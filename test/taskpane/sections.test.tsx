/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { PrepareSection } from "../../src/taskpane/components/PrepareSection";
import { RepairSection } from "../../src/taskpane/components/RepairSection";
import { SummarySection } from "../../src/taskpane/components/SummarySection";
import { EvaluationSection } from "../../src/taskpane/components/EvaluationSection";
import { change, mockActions } from "./mock-actions";
import { renderInProvider } from "./render";

describe("Preparar cuadro", () => {
  it("prepares the workbook and lists what changed", async () => {
    const actions = mockActions({ prepararCuadro: jest.fn().mockResolvedValue(change(["Se creó la hoja «Operaciones».", "Se creó la tabla tblAlianzas."])) });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    expect(actions.prepararCuadro).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Se creó la hoja «Operaciones».")).toBeInTheDocument();
    expect(screen.getByText("Se creó la tabla tblAlianzas.")).toBeInTheDocument();
  });

  it("says so when nothing needed changing, and shows cells a co-author changed", async () => {
    const actions = mockActions({
      prepararCuadro: jest.fn().mockResolvedValue(change([], { conflicts: ["La celda Operaciones!F12 cambió desde que se leyó; no se sobrescribió."] })),
    });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    expect(await screen.findByText("El cuadro ya estaba preparado; no se cambió nada.")).toBeInTheDocument();
    expect(screen.getByText("La celda Operaciones!F12 cambió desde que se leyó; no se sobrescribió.")).toBeInTheDocument();
  });

  it("loads the sample data with its own button", async () => {
    const actions = mockActions({ cargarDatosEjemplo: jest.fn().mockResolvedValue(change(["Se agregaron 900 DO de ejemplo."])) });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Cargar datos de ejemplo" }));
    expect(actions.cargarDatosEjemplo).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Se agregaron 900 DO de ejemplo.")).toBeInTheDocument();
  });

  it("shows the Spanish error as an alert and re-enables the buttons", async () => {
    const actions = mockActions({ prepararCuadro: jest.fn().mockRejectedValue(new Error("No se pudo preparar el cuadro. Termine de editar la celda (Enter o Esc) y vuelva a intentarlo.")) });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    expect(await screen.findByText(/Termine de editar la celda/)).toBeInTheDocument();
    expect(screen.getByText("No se pudo completar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Preparar cuadro" })).toBeEnabled();
  });

  it("shows a progress indicator while a slow action runs", async () => {
    let finish: (v: ReturnType<typeof change>) => void = () => undefined;
    const actions = mockActions({ prepararCuadro: jest.fn(() => new Promise((resolve) => (finish = resolve))) });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    expect(screen.queryByText("Trabajando en el libro…")).not.toBeInTheDocument();
    expect(await screen.findByText("Trabajando en el libro…", {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Preparar cuadro" })).toBeDisabled();
    finish(change(["Listo."]));
    await waitFor(() => expect(screen.queryByText("Trabajando en el libro…")).not.toBeInTheDocument());
  });
});

describe("Reparar fórmulas", () => {
  it("reports how many formulas were re-entered", async () => {
    const actions = mockActions({ repararFormulas: jest.fn().mockResolvedValue({ ...change(["Se volvieron a escribir 3 fórmulas ADUANA que mostraban #NAME?."]), repaired: 3 }) });
    const { user } = renderInProvider(<RepairSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Reparar fórmulas" }));
    expect(await screen.findByText("Se repararon 3 fórmulas.")).toBeInTheDocument();
  });

  it("says when there was nothing to repair", async () => {
    const actions = mockActions({ repararFormulas: jest.fn().mockResolvedValue({ ...change(), repaired: 0 }) });
    const { user } = renderInProvider(<RepairSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Reparar fórmulas" }));
    expect(await screen.findByText(/no hizo falta reparar nada/)).toBeInTheDocument();
  });
});

describe("Resumen", () => {
  it("shows open DOs, open NCs, on-time share per alliance and expiring contracts", async () => {
    const actions = mockActions({
      resumen: jest.fn().mockResolvedValue({
        year: 2026,
        openOperations: 12,
        openNonconformities: 4,
        onTimeByAlliance: [
          { alliance: "Aduanas del Caribe", measured: 30, onTime: 28, onTimePct: (28 / 30) * 100 },
          { alliance: "Frontera Norte", measured: 0, onTime: 0, onTimePct: null },
        ],
        expiringContracts: [{ alliance: "Frontera Norte", contract: "CT-07", end: "30/04/2026", daysLeft: 45 }],
      }),
    });
    const { user } = renderInProvider(<SummarySection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Ver resumen" }));
    expect(await screen.findByText("12")).toBeInTheDocument();
    expect(screen.getByText("4")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Cumplimiento ANS 2026 por aliado" });
    expect(within(table).getByText("93,3 % (28 de 30)")).toBeInTheDocument();
    expect(within(table).getByText("Sin DO medidos")).toBeInTheDocument();
    expect(screen.getByText("Frontera Norte — contrato CT-07: vence el 30/04/2026 (en 45 días)")).toBeInTheDocument();
  });
});

describe("Evaluación anual", () => {
  const preview = {
    year: 2025,
    sheet: "Evaluación 2025",
    exists: true,
    partial: null,
    rows: [
      { alliance: "Aduanas del Caribe", operations: 120, onTimePct: 96, score: 91.5, rating: "Excelente" as const, decision: "Mantener / renovar" },
      { alliance: "Frontera Norte", operations: 0, onTimePct: null, score: null, rating: null, decision: null },
    ],
  };

  it("previews the ratings of the chosen year without writing", async () => {
    const actions = mockActions({ vistaPreviaEvaluacion: jest.fn().mockResolvedValue(preview) });
    const { user } = renderInProvider(<EvaluationSection actions={actions} defaultYear={2025} />);
    expect(screen.getByRole("combobox", { name: "Año" })).toHaveValue("2025");
    await user.click(screen.getByRole("button", { name: "Vista previa" }));
    expect(actions.vistaPreviaEvaluacion).toHaveBeenCalledWith(2025, expect.any(Function));
    const table = await screen.findByRole("table", { name: "Vista previa de la evaluación 2025" });
    expect(within(table).getByText("Excelente")).toBeInTheDocument();
    expect(within(table).getByText("91,5")).toBeInTheDocument();
    expect(within(table).getByText("Sin operaciones")).toBeInTheDocument();
    expect(screen.getByText(/ya existe: Generar actualiza las cifras/)).toBeInTheDocument();
    expect(actions.generarEvaluacion).not.toHaveBeenCalled();
  });

  it("warns that the current year's evaluation is partial", async () => {
    const partial = "El año 2026 aún no termina: la evaluación es parcial, con los DOs y las no conformidades hasta el 2026-03-16; vuelva a generarla al cerrar el año.";
    const actions = mockActions({ vistaPreviaEvaluacion: jest.fn().mockResolvedValue({ ...preview, year: 2026, sheet: "Evaluación 2026", partial }) });
    const { user } = renderInProvider(<EvaluationSection actions={actions} defaultYear={2025} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Año" }), "2026");
    await user.click(screen.getByRole("button", { name: "Vista previa" }));
    expect(await screen.findByText(partial)).toBeInTheDocument();
  });

  it("shows the refusal of a year without DOs as the error of the preview", async () => {
    const refusal = "No hay DOs con «Fecha apertura DO» en 2020 en tblOperaciones: no hay nada que evaluar para ese año; elija otro año (no se escribió nada).";
    const actions = mockActions({ vistaPreviaEvaluacion: jest.fn().mockRejectedValue(new Error(refusal)) });
    const { user } = renderInProvider(<EvaluationSection actions={actions} defaultYear={2025} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Año" }), "2020");
    await user.click(screen.getByRole("button", { name: "Vista previa" }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("generates another year and goes to its sheet", async () => {
    const actions = mockActions({
      generarEvaluacion: jest.fn().mockResolvedValue({ ...change(["Se creó la hoja «Evaluación 2024»."]), sheet: "Evaluación 2024" }),
      seleccionarCelda: jest.fn().mockResolvedValue(undefined),
    });
    const { user } = renderInProvider(<EvaluationSection actions={actions} defaultYear={2025} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Año" }), "2024");
    await user.click(screen.getByRole("button", { name: "Generar evaluación" }));
    expect(actions.generarEvaluacion).toHaveBeenCalledWith(2024, expect.any(Function));
    await user.click(await screen.findByRole("button", { name: "Ir a la hoja «Evaluación 2024»" }));
    expect(actions.seleccionarCelda).toHaveBeenCalledWith("Evaluación 2024", "A1");
  });
});
