import { PaneMessages } from "../messages";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Textarea } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { LISTS } from "../../domain/workbook/headers";
import type { Actions, NonconformityFormInput, NonconformityResult } from "../../excel/action-types";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { ChangeSummary } from "./ChangeSummary";

/** Values to start the form with; a new `key` resets the form (e.g. each "Registrar NC" click on a finding). */
export interface NonconformityPrefill {
  key: number;
  values: Partial<NonconformityFormInput>;
}

export interface NonconformityFormProps {
  actions: Pick<Actions, "registrarNoConformidad" | "leerSeleccionDO">;
  /** Today as "AAAA-MM-DD" (the default Fecha). */
  today: string;
  prefill?: NonconformityPrefill | null;
}

type Errors = Partial<Record<keyof NonconformityFormInput, string>>;

const empty = (today: string): NonconformityFormInput => ({
  type: "No conformidad",
  date: today,
  do: "",
  alliance: "",
  description: "",
  severity: "",
  correction: "",
  owner: "",
  dueDate: "",
});

/** Required fields and date order; messages say what to do. */
export function validateNonconformity(input: NonconformityFormInput): Errors {
  const errors: Errors = {};
  if (!input.type) errors.type = PaneMessages.ncTypeRequired;
  if (!input.date) errors.date = PaneMessages.ncDateRequired;
  if (input.description.trim() === "") errors.description = PaneMessages.ncDescriptionRequired;
  if (!input.severity) errors.severity = PaneMessages.ncSeverityRequired;
  if (input.dueDate && input.date && input.dueDate < input.date) errors.dueDate = PaneMessages.ncDueBeforeDate;
  return errors;
}

/** "Registrar no conformidad": appends a row to tblNoConformidades with the next NC-AAAA-NNN. */
export function NonconformityForm({ actions, today, prefill }: NonconformityFormProps) {
  const [values, setValues] = useState<NonconformityFormInput>(() => ({ ...empty(today), ...prefill?.values }));
  const [errors, setErrors] = useState<Errors>({});
  const submit = useAction<NonconformityResult>();
  const selection = useAction<{ selected: Awaited<ReturnType<Actions["leerSeleccionDO"]>> }>();
  const [selectionInfo, setSelectionInfo] = useState<string | null>(null);
  const { reset } = submit;

  useEffect(() => {
    if (!prefill) return;
    setValues({ ...empty(today), ...prefill.values });
    setErrors({});
    reset();
  }, [prefill, today, reset]);

  const set = (field: keyof NonconformityFormInput) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateNonconformity(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await submit.run((onProgress) => actions.registrarNoConformidad(values, onProgress));
    if (result) setValues(empty(today));
  };

  const fillFromSelection = async () => {
    setSelectionInfo(null);
    const read = await selection.run(async () => ({ selected: await actions.leerSeleccionDO() }));
    if (!read) return;
    const { selected } = read;
    if (selected) setValues((v) => ({ ...v, do: selected.do, alliance: selected.alliance }));
    else setSelectionInfo(PaneMessages.selectOperationRow);
  };

  return (
    <form className="section-body" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Registrar no conformidad">
      <Field label="Tipo" required validationMessage={errors.type}>
        <Select value={values.type} onChange={(_, d) => set("type")(d.value)}>
          {LISTS.nonconformityType.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
      </Field>
      <Field label="Fecha" required validationMessage={errors.date}>
        <Input type="date" value={values.date} onChange={(_, d) => set("date")(d.value)} />
      </Field>
      <div className="button-row">
        <Button size="small" disabled={selection.running} onClick={() => void fillFromSelection()}>
          Usar la fila seleccionada
        </Button>
      </div>
      {selectionInfo && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{selectionInfo}</MessageBarBody>
        </MessageBar>
      )}
      <ActionFeedback slow={selection.slow} error={selection.error} progressLabel={PaneMessages.readingSelection} />
      <Field label="DO" hint={PaneMessages.ncDoHint}>
        <Input value={values.do} onChange={(_, d) => set("do")(d.value)} />
      </Field>
      <Field label="Aliado">
        <Input value={values.alliance} onChange={(_, d) => set("alliance")(d.value)} />
      </Field>
      <Field label="Descripción" required validationMessage={errors.description}>
        <Textarea value={values.description} onChange={(_, d) => set("description")(d.value)} resize="vertical" />
      </Field>
      <Field label="Gravedad" required validationMessage={errors.severity}>
        <Select value={values.severity} onChange={(_, d) => set("severity")(d.value)}>
          <option value="">Elija…</option>
          {LISTS.severity.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <Field label="Corrección inmediata">
        <Textarea value={values.correction} onChange={(_, d) => set("correction")(d.value)} resize="vertical" />
      </Field>
      <Field label="Responsable">
        <Input value={values.owner} onChange={(_, d) => set("owner")(d.value)} />
      </Field>
      <Field label="Fecha compromiso" validationMessage={errors.dueDate}>
        <Input type="date" value={values.dueDate} onChange={(_, d) => set("dueDate")(d.value)} />
      </Field>
      <div className="button-row">
        <Button appearance="primary" type="submit" disabled={submit.running}>
          Registrar no conformidad
        </Button>
      </div>
      <ActionFeedback slow={submit.slow} error={submit.error} progress={submit.progress} progressLabel={PaneMessages.registering} />
      {submit.result && !submit.running && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Registrada {submit.result.number}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          {(submit.result.conflicts.length > 0 || submit.result.skipped.length > 0) && <ChangeSummary result={submit.result} unchangedText="" />}
        </>
      )}
    </form>
  );
}
