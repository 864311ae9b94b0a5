/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import type { FollowUp } from "../../src/domain/followup";
import { serialFromYmd } from "../../src/domain/calendar";
import { App } from "../../src/taskpane/App";
import { mockActions } from "./mock-actions";
import { renderInProvider } from "./render";

const base = { theme: webLightTheme, defaultYear: 2025, today: "2026-03-20" };
const header = (name: RegExp) => screen.getAllByRole("button", { name }).find((b) => b.hasAttribute("aria-expanded"))!;

const TODAY = serialFromYmd(2026, 3, 20);
const work: FollowUp = {
  today: TODAY,
  operations: [
    { row: 41, do: "DO-2026-0042", alliance: "Agencia Caribe SAS", city: "Cartagena", coordinator: "Laura", status: "Vencido", dueDate: serialFromYmd(2026, 3, 18), businessDaysLeft: -2, sheet: "Operaciones", cell: "S42" },
    { row: 57, do: "DO-2026-0058", alliance: "Frontera Logística", city: "Cúcuta", coordinator: "Andrés", status: "En riesgo", dueDate: serialFromYmd(2026, 3, 24), businessDaysLeft: 1, sheet: "Operaciones", cell: "S58" },
  ],
  nonconformities: [
    { row: 6, number: "NC-2026-003", alliance: "Frontera Logística", coordinator: "Andrés", reason: "nc-sin-analisis", dueDate: serialFromYmd(2026, 3, 13), field: "rootCause", sheet: "No Conformidades", cell: "I7" },
  ],
};

describe("Seguimiento section", () => {
  it("opens by itself when there is work, with the count on its header and both lists", async () => {
    const actions = mockActions({ seguimiento: jest.fn().mockResolvedValue(work) });
    renderInProvider(<App inExcel actions={actions} {...base} />);
    expect(await screen.findByText("DO vencidos o en riesgo (2)")).toBeInTheDocument();
    const seguimiento = header(/^Seguimiento/);
    expect(seguimiento).toHaveAttribute("aria-expanded", "true");
    expect(within(seguimiento).getByText("3")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Al 20/03/2026: 2 DO vencidos o en riesgo · 1 no conformidad por atender.");
    const operations = screen.getByRole("region", { name: "DO vencidos o en riesgo: 2" });
    const items = within(operations).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("DO-2026-0042");
    expect(items[0]).toHaveTextContent("Vencido");
    expect(items[0]).toHaveTextContent("Vence el 18/03/2026: 2 días hábiles de retraso. Agencia Caribe SAS · Cartagena · Laura");
    expect(items[1]).toHaveTextContent("queda 1 día hábil");
    const ncs = screen.getByRole("region", { name: "No conformidades por atender: 1" });
    expect(ncs).toHaveTextContent("NC-2026-003Sin causa raíz o acción correctiva (fecha límite 13/03/2026): registre la «Causa raíz»");
    expect(actions.seguimiento).toHaveBeenCalledTimes(1);
  });

  it("selects the DO's and the NC's cell in Excel on click", async () => {
    const actions = mockActions({ seguimiento: jest.fn().mockResolvedValue(work), seleccionarCelda: jest.fn().mockResolvedValue(undefined) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await user.click(await screen.findByRole("button", { name: "Ir al DO DO-2026-0042 (Operaciones!S42)" }));
    expect(actions.seleccionarCelda).toHaveBeenLastCalledWith("Operaciones", "S42");
    await user.click(screen.getByRole("button", { name: "Ir a la no conformidad NC-2026-003 (No Conformidades!I7)" }));
    expect(actions.seleccionarCelda).toHaveBeenLastCalledWith("No Conformidades", "I7");
  });

  it("filters both lists by alliance and by coordinator", async () => {
    const actions = mockActions({ seguimiento: jest.fn().mockResolvedValue(work) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Aliado" }), "Agencia Caribe SAS");
    expect(screen.getByText("DO vencidos o en riesgo (1)")).toBeInTheDocument();
    expect(screen.getByText("No conformidades por atender (0)")).toBeInTheDocument();
    expect(screen.queryByText("DO-2026-0058")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Aliado" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Coordinador" }), "Andrés");
    expect(screen.getByText("DO vencidos o en riesgo (1)")).toBeInTheDocument();
    expect(screen.getByText("DO-2026-0058")).toBeInTheDocument();
    expect(screen.getByText("NC-2026-003")).toBeInTheDocument();
    expect(screen.queryByText("DO-2026-0042")).not.toBeInTheDocument();
  });

  it("stays closed, without a count, on a day with nothing to do; Actualizar reloads", async () => {
    const load = Promise.resolve({ today: TODAY, operations: [], nonconformities: [] });
    const actions = mockActions({ seguimiento: jest.fn().mockReturnValue(load) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await act(async () => {
      await load;
    });
    expect(header(/^Seguimiento/)).toHaveAttribute("aria-expanded", "false");
    expect(header(/^Seguimiento/)).toHaveTextContent(/^Seguimiento$/);
    expect(header(/^Preparar cuadro/)).toHaveAttribute("aria-expanded", "true");
    await user.click(header(/^Seguimiento/));
    expect(screen.getByText("Al 20/03/2026 no hay DO vencidos ni en riesgo, ni no conformidades pendientes.")).toBeInTheDocument();
    actions.seguimiento.mockResolvedValueOnce(work);
    await user.click(screen.getByRole("button", { name: "Actualizar" }));
    expect(await screen.findByText("DO vencidos o en riesgo (2)")).toBeInTheDocument();
    expect(actions.seguimiento).toHaveBeenCalledTimes(2);
  });

  it("shows the Spanish error in the section when the lists cannot be read", async () => {
    const actions = mockActions({ seguimiento: jest.fn().mockRejectedValue(new Error("No se pudo calcular el seguimiento: falta la hoja Operaciones.")) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await user.click(header(/^Seguimiento/));
    expect(await screen.findByText("No se pudo calcular el seguimiento: falta la hoja Operaciones.")).toBeInTheDocument();
  });

  it("generates Indicadores for the chosen year and goes to the sheet", async () => {
    const actions = mockActions({
      generarIndicadores: jest.fn().mockResolvedValue({ notes: ["Se creó la hoja «Indicadores 2025» con los indicadores de 629 DO y 6 no conformidades."], conflicts: [], skipped: [], cellsWritten: 900, sheet: "Indicadores 2025" }),
      seleccionarCelda: jest.fn().mockResolvedValue(undefined),
    });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await user.click(header(/^Seguimiento/));
    const year = screen.getByRole("combobox", { name: "Año de los indicadores" });
    expect(year).toHaveValue("2026");
    await user.selectOptions(year, "2025");
    await user.click(screen.getByRole("button", { name: "Generar indicadores" }));
    expect(actions.generarIndicadores).toHaveBeenCalledWith(2025, expect.any(Function));
    expect(await screen.findByText(/Se creó la hoja «Indicadores 2025»/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ir a la hoja «Indicadores 2025»" }));
    expect(actions.seleccionarCelda).toHaveBeenCalledWith("Indicadores 2025", "A1");
  });

  it("says once why no DO can be listed when tblFestivosExtra holds a text, and goes to that cell", async () => {
    const unusable: FollowUp = { today: TODAY, operations: [], nonconformities: [], unusableExtraHoliday: { sheet: "Parámetros", cell: "A3", value: "25/12/2026" } };
    const actions = mockActions({ seguimiento: jest.fn().mockResolvedValue(unusable), seleccionarCelda: jest.fn().mockResolvedValue(undefined) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await user.click(header(/^Seguimiento/));
    const warnings = await screen.findAllByText(/Parámetros!A3 \(tblFestivosExtra\[Fecha\]\) tiene «25\/12\/2026», que no es una fecha/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toHaveTextContent("el seguimiento no puede decir qué DO abiertos están vencidos o en riesgo");
    await user.click(screen.getByRole("button", { name: "Ir a Parámetros!A3" }));
    expect(actions.seleccionarCelda).toHaveBeenLastCalledWith("Parámetros", "A3");
  });
});
