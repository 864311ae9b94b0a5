import { PaneMessages } from "../messages";
import { WorkbookMessages } from "../../domain/workbook/messages";
import { Button, Field, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Actions, EvaluationGenerated, EvaluationPreview } from "../../excel/action-types";
import { formatPercent, formatScore } from "../number-format";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { ChangeSummary } from "./ChangeSummary";

/** Years offered: the last complete year and the five before it, plus the current one (partial). */
const YEARS_BACK = 5;

export interface EvaluationSectionProps {
  actions: Pick<Actions, "vistaPreviaEvaluacion" | "generarEvaluacion" | "seleccionarCelda">;
  /** The last complete year (default choice). */
  defaultYear: number;
}

/** "Evaluación anual": pick a year, preview the ratings, generate or refresh `Evaluación AAAA`, go to it. */
export function EvaluationSection({ actions, defaultYear }: EvaluationSectionProps) {
  const [year, setYear] = useState(defaultYear);
  const preview = useAction<EvaluationPreview>();
  const generate = useAction<EvaluationGenerated>();
  const go = useAction<void>();
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => defaultYear + 1 - i);
  const shownPreview = preview.result && preview.result.year === year ? preview.result : null;
  const generated = generate.result && !generate.running ? generate.result : null;

  return (
    <div className="section-body">
      <Field label="Año">
        <Select
          value={String(year)}
          onChange={(_, d) => {
            setYear(Number(d.value));
            generate.reset();
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
              {y > defaultYear ? " (en curso)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className="button-row">
        <Button disabled={preview.running || generate.running} onClick={() => void preview.run((onProgress) => actions.vistaPreviaEvaluacion(year, onProgress))}>
          Vista previa
        </Button>
        <Button appearance="primary" disabled={preview.running || generate.running} onClick={() => void generate.run((onProgress) => actions.generarEvaluacion(year, onProgress))}>
          Generar evaluación
        </Button>
      </div>
      <ActionFeedback slow={preview.slow} error={preview.error} progress={preview.progress} progressLabel={PaneMessages.previewing} />
      <ActionFeedback slow={generate.slow} error={generate.error} progress={generate.progress} progressLabel={PaneMessages.generatingEvaluation(year)} />
      {shownPreview && !preview.running && (
        <>
          {shownPreview.partial && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{shownPreview.partial}</MessageBarBody>
            </MessageBar>
          )}
          {shownPreview.exists && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {PaneMessages.evaluationExists(shownPreview.sheet)}
              </MessageBarBody>
            </MessageBar>
          )}
          <Table size="extra-small" aria-label={PaneMessages.evaluationPreview(shownPreview.year)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Aliado</TableHeaderCell>
                <TableHeaderCell>DO</TableHeaderCell>
                <TableHeaderCell>% ANS</TableHeaderCell>
                <TableHeaderCell>Puntaje</TableHeaderCell>
                <TableHeaderCell>Calificación</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shownPreview.rows.map((r) => (
                <TableRow key={r.alliance}>
                  <TableCell>{r.alliance}</TableCell>
                  <TableCell>{r.operations}</TableCell>
                  <TableCell>{r.onTimePct === null ? "—" : formatPercent(r.onTimePct)}</TableCell>
                  <TableCell>{r.operations === 0 ? "—" : r.score === null ? "Falta C4/C5" : formatScore(r.score)}</TableCell>
                  <TableCell>{r.operations === 0 ? "Sin operaciones" : (r.rating ?? "Pendiente")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={200}>{PaneMessages.scorePending}</Text>
        </>
      )}
      {generated && (
        <>
          <ChangeSummary result={generated} unchangedText={WorkbookMessages.sheetUpToDate(generated.sheet)} />
          <div className="button-row">
            <Button onClick={() => void go.run(() => actions.seleccionarCelda(generated.sheet, "A1"))}>Ir a la hoja «{generated.sheet}»</Button>
          </div>
          <ActionFeedback slow={false} error={go.error} progressLabel="" />
        </>
      )}
    </div>
  );
}
