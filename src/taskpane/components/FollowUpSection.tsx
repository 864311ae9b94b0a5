import { PaneMessages } from "../messages";
import { WorkbookMessages } from "../../domain/workbook/messages";
import { Badge, Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { formatSerial } from "../../domain/calendar";
import { REASON_ADVICE, REASON_LABELS, daysLeftText } from "../../domain/followup";
import type { Actions, FollowUp, IndicatorsGenerated } from "../../excel/action-types";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { ChangeSummary } from "./ChangeSummary";

/** Items shown per list before "show all". */
export const FOLLOW_UP_ITEMS_SHOWN = 30;

/** How many things need attention today: the number on the section's header. */
export function followUpCount(result: FollowUp | null): number {
  return result === null ? 0 : result.operations.length + result.nonconformities.length;
}

/**
 * Loads the follow-up lists once when the pane opens (a courtesy read: if it fails the section offers the
 * button and shows the error there) and again on demand.
 */
export function useFollowUp(actions: Pick<Actions, "seguimiento">) {
  const load = useAction<FollowUp>();
  const { run } = load;
  const reload = useCallback(() => run((onProgress) => actions.seguimiento(onProgress)), [actions, run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...load, reload };
}

export interface FollowUpSectionProps {
  actions: Pick<Actions, "seleccionarCelda" | "generarIndicadores">;
  followUp: ReturnType<typeof useFollowUp>;
  /** The year in course: the indicators' default. */
  currentYear: number;
}

/** Years offered for the indicators: the current one and the five before it. */
const INDICATOR_YEARS = 6;

/** "Generar indicadores": builds or refreshes `Indicadores AAAA` and offers to go to it. */
function IndicatorsButton({ actions, currentYear }: Omit<FollowUpSectionProps, "followUp">) {
  const [year, setYear] = useState(currentYear);
  const generate = useAction<IndicatorsGenerated>();
  const go = useAction<void>();
  const generated = generate.result && !generate.running ? generate.result : null;
  return (
    <section aria-label="Indicadores del año" className="section-body">
      <Subtitle2 as="h3">Indicadores del año</Subtitle2>
      <Caption1 as="p">
        {PaneMessages.indicatorsExplained}
      </Caption1>
      <div className="button-row">
        <Field label="Año de los indicadores">
          <Select
            value={String(year)}
            onChange={(_, d) => {
              setYear(Number(d.value));
              generate.reset();
            }}
          >
            {Array.from({ length: INDICATOR_YEARS }, (_, i) => currentYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
                {y === currentYear ? " (en curso)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="button-row">
        <Button appearance="primary" disabled={generate.running} onClick={() => void generate.run((onProgress) => actions.generarIndicadores(year, onProgress))}>
          Generar indicadores
        </Button>
      </div>
      <ActionFeedback slow={generate.slow} error={generate.error} progress={generate.progress} progressLabel={PaneMessages.generatingIndicators(year)} />
      {generated && (
        <>
          <ChangeSummary result={generated} unchangedText={WorkbookMessages.sheetUpToDate(generated.sheet)} />
          <div className="button-row">
            <Button onClick={() => void go.run(() => actions.seleccionarCelda(generated.sheet, "A1"))}>Ir a la hoja «{generated.sheet}»</Button>
          </div>
          <ActionFeedback slow={false} error={go.error} progressLabel="" />
        </>
      )}
    </section>
  );
}

function options(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ""))].sort((a, b) => a.localeCompare(b, "es"));
}

/** "Seguimiento": the open DOs Vencido / En riesgo and the NCs that need action, filtered, each a click from its row. */
export function FollowUpSection({ actions, followUp, currentYear }: FollowUpSectionProps) {
  const selection = useAction<void>();
  const [alliance, setAlliance] = useState("");
  const [coordinator, setCoordinator] = useState("");
  const [showAll, setShowAll] = useState<{ operations: boolean; nonconformities: boolean }>({ operations: false, nonconformities: false });
  const result = followUp.result;
  const alliances = useMemo(() => options([...(result?.operations ?? []), ...(result?.nonconformities ?? [])].map((i) => i.alliance)), [result]);
  const coordinators = useMemo(() => options([...(result?.operations ?? []), ...(result?.nonconformities ?? [])].map((i) => i.coordinator)), [result]);
  const keep = (item: { alliance: string; coordinator: string }): boolean =>
    (alliance === "" || item.alliance === alliance) && (coordinator === "" || item.coordinator === coordinator);
  const operations = result?.operations.filter(keep) ?? [];
  const nonconformities = result?.nonconformities.filter(keep) ?? [];
  const go = (sheet: string, cell: string) => void selection.run(() => actions.seleccionarCelda(sheet, cell));
  const shownOperations = showAll.operations ? operations : operations.slice(0, FOLLOW_UP_ITEMS_SHOWN);
  const shownNonconformities = showAll.nonconformities ? nonconformities : nonconformities.slice(0, FOLLOW_UP_ITEMS_SHOWN);

  return (
    <div className="section-body">
      <div className="button-row">
        <Button disabled={followUp.running} onClick={() => void followUp.reload()}>
          Actualizar
        </Button>
      </div>
      <ActionFeedback slow={followUp.slow} error={followUp.error} progress={followUp.progress} progressLabel={PaneMessages.followingUp} />
      {result && !followUp.running && (
        <>
          <Text role="status" aria-live="polite">
            {followUpCount(result) === 0
              ? PaneMessages.nothingPending(formatSerial(result.today))
              : PaneMessages.pending(formatSerial(result.today), result.operations.length, result.nonconformities.length)}
          </Text>
          {followUpCount(result) > 0 && (
            <div className="filters">
              <Field label="Aliado">
                <Select value={alliance} onChange={(_, d) => setAlliance(d.value)}>
                  <option value="">Todos</option>
                  {alliances.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Coordinador">
                <Select value={coordinator} onChange={(_, d) => setCoordinator(d.value)}>
                  <option value="">Todos</option>
                  {coordinators.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
          <ActionFeedback slow={false} error={selection.error} progressLabel="" />
          <section aria-label={`DO vencidos o en riesgo: ${operations.length}`}>
            <Subtitle2 as="h3">DO vencidos o en riesgo ({operations.length})</Subtitle2>
            {operations.length === 0 ? (
              <Caption1 as="p">Ninguno{alliance || coordinator ? " con ese filtro" : ""}.</Caption1>
            ) : (
              <ul className="finding-list">
                {shownOperations.map((o) => (
                  <li key={`${o.sheet}!${o.cell}`} className="finding">
                    <Button
                      appearance="subtle"
                      size="small"
                      className="finding-cell"
                      aria-label={`Ir al DO ${o.do} (${o.sheet}!${o.cell})`}
                      onClick={() => go(o.sheet, o.cell)}
                    >
                      {o.do}
                    </Button>
                    <Badge appearance="tint" color={o.status === "Vencido" ? "danger" : "warning"}>
                      {o.status}
                    </Badge>
                    <Caption1 className="finding-message">
                      Vence el {formatSerial(o.dueDate)}: {daysLeftText(o.businessDaysLeft)}. {o.alliance} · {o.city || "sin ciudad"}
                      {o.coordinator ? ` · ${o.coordinator}` : ""}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
            {operations.length > FOLLOW_UP_ITEMS_SHOWN && !showAll.operations && (
              <Button size="small" appearance="transparent" onClick={() => setShowAll((s) => ({ ...s, operations: true }))}>
                Mostrar los {operations.length}
              </Button>
            )}
          </section>
          <section aria-label={PaneMessages.nonconformitiesToAttend(nonconformities.length)}>
            <Subtitle2 as="h3">No conformidades por atender ({nonconformities.length})</Subtitle2>
            {nonconformities.length === 0 ? (
              <Caption1 as="p">Ninguna{alliance || coordinator ? " con ese filtro" : ""}.</Caption1>
            ) : (
              <ul className="finding-list">
                {shownNonconformities.map((n) => (
                  <li key={`${n.sheet}!${n.cell}:${n.reason}`} className="finding">
                    <Button
                      appearance="subtle"
                      size="small"
                      className="finding-cell"
                      aria-label={`Ir a la no conformidad ${n.number} (${n.sheet}!${n.cell})`}
                      onClick={() => go(n.sheet, n.cell)}
                    >
                      {n.number}
                    </Button>
                    <Caption1 className="finding-message">
                      {REASON_LABELS[n.reason]}
                      {n.dueDate === null ? "" : ` (fecha límite ${formatSerial(n.dueDate)})`}: {REASON_ADVICE[n.reason]}.{n.alliance ? ` ${n.alliance}.` : ""}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
            {nonconformities.length > FOLLOW_UP_ITEMS_SHOWN && !showAll.nonconformities && (
              <Button size="small" appearance="transparent" onClick={() => setShowAll((s) => ({ ...s, nonconformities: true }))}>
                Mostrar las {nonconformities.length}
              </Button>
            )}
          </section>
          {followUpCount(result) > 0 && operations.length + nonconformities.length === 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{PaneMessages.nothingPendingWithFilter}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <IndicatorsButton actions={actions} currentYear={currentYear} />
    </div>
  );
}
