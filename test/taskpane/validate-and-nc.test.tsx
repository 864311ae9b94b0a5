/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { NonconformityForm } from "../../src/taskpane/components/NonconformityForm";
import { ValidateSection } from "../../src/taskpane/components/ValidateSection";
import { change, finding, mockActions, report } from "./mock-actions";
import { renderInProvider } from "./render";

const findings = [
  finding({ rule: "campo-obligatorio", cell: "C5", sheet: "Operaciones" }),
  finding({ rule: "campo-obligatorio", cell: "C9", sheet: "Operaciones" }),
  finding({ rule: "nit-invalido", cell: "B3", sheet: "Alianzas" }),
  finding({ rule: "ans-incumplido", cell: "R12", sheet: "Operaciones", severity: "advertencia", rowKey: "DO-2026-0042", message: "El DO tardó 7 días hábiles y la meta es 5." }),
];

describe("Validar", () => {
  it("groups findings by severity and rule with counts", async () => {
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(findings)) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    expect(await screen.findByText("3 errores · 1 advertencia")).toBeInTheDocument();
    const errors = screen.getByRole("region", { name: "Errores: 3" });
    expect(within(errors).getByText("Campos obligatorios vacíos (2)")).toBeInTheDocument();
    expect(within(errors).getByText("NIT inválidos (1)")).toBeInTheDocument();
    const warnings = screen.getByRole("region", { name: "Advertencias: 1" });
    expect(within(warnings).getByText("ANS incumplidos (1)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Validar de nuevo" })).toBeInTheDocument();
  });

  it("lists the rules in the catalogue's order, not by how many findings each has", async () => {
    const many = [
      finding({ rule: "nit-invalido", cell: "B3", sheet: "Alianzas" }),
      finding({ rule: "nit-invalido", cell: "B4", sheet: "Alianzas" }),
      finding({ rule: "nit-invalido", cell: "B5", sheet: "Alianzas" }),
      finding({ rule: "campo-obligatorio", cell: "C5", sheet: "Operaciones" }),
    ];
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(many)) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    const errors = await screen.findByRole("region", { name: "Errores: 4" });
    expect(within(errors).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["Campos obligatorios vacíos (1)", "NIT inválidos (3)"]);
    expect(within(screen.getByRole("combobox", { name: "Regla" })).getAllByRole("option").map((o) => o.textContent)).toEqual(["Todas", "Campos obligatorios vacíos", "NIT inválidos"]);
  });

  it("selects the finding's cell on click", async () => {
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(findings)), seleccionarCelda: jest.fn().mockResolvedValue(undefined) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    await user.click(await screen.findByRole("button", { name: /^Ir a Alianzas!B3/ }));
    expect(actions.seleccionarCelda).toHaveBeenCalledWith("Alianzas", "B3");
  });

  it("filters by sheet and by rule", async () => {
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(findings)) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Hoja" }), "Alianzas");
    expect(screen.getAllByRole("button", { name: /^Ir a / })).toHaveLength(1);
    await user.selectOptions(screen.getByRole("combobox", { name: "Hoja" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Regla" }), "campo-obligatorio");
    expect(screen.getAllByRole("button", { name: /^Ir a / }).map((b) => b.textContent)).toEqual(["Operaciones!C5", "Operaciones!C9"]);
  });

  it("re-validates after fixing", async () => {
    const validar = jest.fn().mockResolvedValueOnce(report(findings)).mockResolvedValueOnce(report([]));
    const { user } = renderInProvider(<ValidateSection actions={mockActions({ validar })} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    await user.click(await screen.findByRole("button", { name: "Validar de nuevo" }));
    expect(await screen.findByText("Sin hallazgos: el cuadro cumple todas las reglas (40 DOs revisados).")).toBeInTheDocument();
    expect(validar).toHaveBeenCalledTimes(2);
  });

  it("says there are 0 DOs when the operations table has only headers, instead of «cumple todas las reglas»", async () => {
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report([], 0)) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("0 DOs revisados");
    expect(status).toHaveTextContent("no tiene DOs");
    expect(status).not.toHaveTextContent("cumple todas las reglas");
  });

  it("offers Registrar NC only on ANS findings", async () => {
    const onRegister = jest.fn();
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(findings)) });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={onRegister} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    const buttons = await screen.findAllByRole("button", { name: /^Registrar NC/ });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0]!);
    expect(onRegister).toHaveBeenCalledWith(findings[3]);
  });
});

describe("Registrar no conformidad", () => {
  it("refuses to send without the required fields and says which", async () => {
    const actions = mockActions({ registrarNoConformidad: jest.fn() });
    const { user } = renderInProvider(<NonconformityForm actions={actions} today="2026-03-16" />);
    await user.click(screen.getByRole("button", { name: "Registrar no conformidad" }));
    expect(await screen.findByText("Describa qué pasó: es obligatorio.")).toBeInTheDocument();
    expect(screen.getByText("Elija la gravedad.")).toBeInTheDocument();
    expect(actions.registrarNoConformidad).not.toHaveBeenCalled();
  });

  it("refuses a due date before the NC date", async () => {
    const actions = mockActions({ registrarNoConformidad: jest.fn() });
    const { user } = renderInProvider(<NonconformityForm actions={actions} today="2026-03-16" />);
    await user.type(screen.getByRole("textbox", { name: /Descripción/ }), "Documentos incompletos");
    await user.selectOptions(screen.getByRole("combobox", { name: /Gravedad/ }), "Menor");
    await user.type(screen.getByLabelText("Fecha compromiso"), "2026-03-01");
    await user.click(screen.getByRole("button", { name: "Registrar no conformidad" }));
    expect(await screen.findByText("La fecha compromiso no puede ser anterior a la fecha de la NC.")).toBeInTheDocument();
    expect(actions.registrarNoConformidad).not.toHaveBeenCalled();
  });

  it("fills DO and Aliado from the selected row and registers the NC", async () => {
    const actions = mockActions({
      leerSeleccionDO: jest.fn().mockResolvedValue({ do: "DO-2026-0042", alliance: "Aduanas del Caribe" }),
      registrarNoConformidad: jest.fn().mockResolvedValue({ ...change(["Se registró NC-2026-007."]), number: "NC-2026-007" }),
    });
    const { user } = renderInProvider(<NonconformityForm actions={actions} today="2026-03-16" />);
    await user.click(screen.getByRole("button", { name: "Usar la fila seleccionada" }));
    expect(await screen.findByDisplayValue("DO-2026-0042")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Aliado" })).toHaveValue("Aduanas del Caribe");
    await user.selectOptions(screen.getByRole("combobox", { name: /Tipo/ }), "Reclamo cliente");
    await user.type(screen.getByRole("textbox", { name: /Descripción/ }), "El cliente reclamó por demora");
    await user.selectOptions(screen.getByRole("combobox", { name: /Gravedad/ }), "Mayor");
    await user.type(screen.getByRole("textbox", { name: "Responsable" }), "Ana");
    await user.click(screen.getByRole("button", { name: "Registrar no conformidad" }));
    expect(actions.registrarNoConformidad).toHaveBeenCalledWith({
      type: "Reclamo cliente",
      date: "2026-03-16",
      do: "DO-2026-0042",
      alliance: "Aduanas del Caribe",
      description: "El cliente reclamó por demora",
      severity: "Mayor",
      correction: "",
      owner: "Ana",
      dueDate: "",
    }, expect.any(Function));
    expect(await screen.findByText("Registrada NC-2026-007")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Descripción/ })).toHaveValue("");
  });

  it("explains what to select when the selection is not a DO row", async () => {
    const actions = mockActions({ leerSeleccionDO: jest.fn().mockResolvedValue(null) });
    const { user } = renderInProvider(<NonconformityForm actions={actions} today="2026-03-16" />);
    await user.click(screen.getByRole("button", { name: "Usar la fila seleccionada" }));
    expect(await screen.findByText(/Seleccione una celda de la fila del DO/)).toBeInTheDocument();
  });

  it("keeps what the user typed when registering fails, and shows why", async () => {
    const actions = mockActions({ registrarNoConformidad: jest.fn().mockRejectedValue(new Error("No se encontró la tabla tblNoConformidades: use «Preparar» antes de registrar no conformidades.")) });
    const { user } = renderInProvider(<NonconformityForm actions={actions} today="2026-03-16" />);
    await user.type(screen.getByRole("textbox", { name: /Descripción/ }), "Texto que no se debe perder");
    await user.selectOptions(screen.getByRole("combobox", { name: /Gravedad/ }), "Crítica");
    await user.click(screen.getByRole("button", { name: "Registrar no conformidad" }));
    expect(await screen.findByText(/use «Preparar» antes de registrar/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Descripción/ })).toHaveValue("Texto que no se debe perder");
  });
});

describe("App", () => {
  const base = { theme: webLightTheme, defaultYear: 2025, today: "2026-03-16" };

  it("outside Excel says plainly to open it from Excel, and shows no actions", () => {
    renderInProvider(<App inExcel={false} actions={mockActions()} {...base} />);
    expect(screen.getByText(/Abra este complemento desde Excel/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Preparar cuadro" })).not.toBeInTheDocument();
  });

  it("opens the NC form prefilled with Incumplimiento ANS from an ANS finding", async () => {
    const actions = mockActions({ validar: jest.fn().mockResolvedValue(report(findings)) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    const header = (name: string) => screen.getAllByRole("button", { name }).find((b) => b.hasAttribute("aria-expanded"))!;
    const action = (name: string) => screen.getAllByRole("button", { name }).find((b) => !b.hasAttribute("aria-expanded"))!;
    expect(action("Preparar cuadro")).toBeInTheDocument();
    expect(header("Validar")).toHaveAttribute("aria-expanded", "false");
    await user.click(header("Validar"));
    await user.click(action("Validar"));
    await user.click(await screen.findByRole("button", { name: "Registrar NC para DO-2026-0042" }));
    const form = await screen.findByRole("form", { name: "Registrar no conformidad" });
    expect(within(form).getByRole("combobox", { name: /Tipo/ })).toHaveValue("Incumplimiento ANS");
    expect(within(form).getByRole("textbox", { name: /^DO/ })).toHaveValue("DO-2026-0042");
    expect(within(form).getByRole("textbox", { name: /Descripción/ })).toHaveValue("DO DO-2026-0042: El DO tardó 7 días hábiles y la meta es 5.");
  });
});
