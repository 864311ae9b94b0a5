import { PaneMessages } from "./messages";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Title3,
} from "@fluentui/react-components";
import type { AccordionToggleEventHandler, Theme } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Finding } from "../domain/validation/finding";
import type { Actions } from "../excel/action-types";
import type { RibbonNotice } from "../excel/ribbon";
import { BrokenFormulasNotice } from "./components/BrokenFormulasNotice";
import { DiagnosticsSection } from "./components/DiagnosticsSection";
import { EvaluationSection } from "./components/EvaluationSection";
import { FollowUpSection, followUpCount, useFollowUp } from "./components/FollowUpSection";
import { NonconformityForm } from "./components/NonconformityForm";
import type { NonconformityPrefill } from "./components/NonconformityForm";
import { PrepareSection } from "./components/PrepareSection";
import { RepairSection } from "./components/RepairSection";
import { SummarySection } from "./components/SummarySection";
import { ValidateSection } from "./components/ValidateSection";
import type { NoticeChannel } from "./notices";

export interface AppProps {
  /** False when the page was opened outside Excel (Office.onReady gave no Excel host). */
  inExcel: boolean;
  actions: Actions;
  theme: Theme;
  /** Last complete year: the evaluation's default. */
  defaultYear: number;
  /** Today as "AAAA-MM-DD": the NC form's default date. */
  today: string;
  notices?: NoticeChannel;
}

type SectionId = "seguimiento" | "preparar" | "validar" | "nc" | "resumen" | "evaluacion" | "reparar" | "diagnostico";

/** The task pane: a #NAME? warning when the workbook needs it, then eight sections in an accordion (Seguimiento first, opened when there is work), each driving one kind of action. */
export function App({ inExcel, actions, theme, defaultYear, today, notices }: AppProps) {
  return (
    <FluentProvider theme={theme} lang="es-CO" className="app">
      <header className="app-header">
        <Title3 as="h1">Control de Alianzas</Title3>
      </header>
      <main>{inExcel ? <Sections actions={actions} defaultYear={defaultYear} today={today} notices={notices} /> : <OutsideExcel />}</main>
    </FluentProvider>
  );
}

function OutsideExcel() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {PaneMessages.outsideExcel}
      </MessageBarBody>
    </MessageBar>
  );
}

function RibbonNoticeBar({ notices }: { notices: NoticeChannel }) {
  const [notice, setNotice] = useState<RibbonNotice | null>(() => notices.last());
  useEffect(() => notices.subscribe(setNotice), [notices]);
  if (!notice) return null;
  const intent = notice.kind === "error" ? "error" : notice.kind === "success" ? "success" : "info";
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <Text weight="semibold">{PaneMessages.ribbonNoticeLead}</Text>
        {notice.message}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label="Cerrar aviso" onClick={() => setNotice(null)}>Cerrar</Button>} />
    </MessageBar>
  );
}

function Sections({ actions, defaultYear, today, notices }: Omit<AppProps, "inExcel" | "theme">) {
  const [open, setOpen] = useState<SectionId[]>(["preparar"]);
  const [prefill, setPrefill] = useState<NonconformityPrefill | null>(null);
  const onToggle: AccordionToggleEventHandler<SectionId> = (_, data) => setOpen(data.openItems);
  const followUp = useFollowUp(actions);
  const pending = followUpCount(followUp.result);
  // Seguimiento opens by itself the first time the lists come back with something to do, never again after.
  const openedForWork = useRef(false);
  useEffect(() => {
    if (pending > 0 && !openedForWork.current) {
      openedForWork.current = true;
      setOpen((o) => (o.includes("seguimiento") ? o : ["seguimiento", ...o]));
    }
  }, [pending]);

  const registerFromFinding = useCallback((finding: Finding) => {
    setPrefill((p) => ({
      key: (p?.key ?? 0) + 1,
      values: {
        type: "Incumplimiento ANS",
        do: finding.rowKey ?? "",
        description: `${finding.rowKey ? `DO ${finding.rowKey}: ` : ""}${finding.message}`,
      },
    }));
    setOpen((o) => (o.includes("nc") ? o : [...o, "nc"]));
    // Let the panel render, then bring the form into view for keyboard and screen-reader users.
    setTimeout(() => document.getElementById("nc-form-header")?.focus(), 0);
  }, []);

  return (
    <>
      <BrokenFormulasNotice actions={actions} />
      {notices && <RibbonNoticeBar notices={notices} />}
      <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
        <AccordionItem value="seguimiento">
          <AccordionHeader as="h2">
            <span className="section-title-with-count">
              Seguimiento
              {pending > 0 && <CounterBadge count={pending} overflowCount={999} color="danger" size="small" aria-label={`${pending} pendientes`} />}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <FollowUpSection actions={actions} followUp={followUp} currentYear={defaultYear + 1} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="preparar">
          <AccordionHeader as="h2">Preparar cuadro</AccordionHeader>
          <AccordionPanel>
            <PrepareSection actions={actions} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="validar">
          <AccordionHeader as="h2">Validar</AccordionHeader>
          <AccordionPanel>
            <ValidateSection actions={actions} onRegisterNonconformity={registerFromFinding} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="nc">
          <AccordionHeader as="h2" button={{ id: "nc-form-header" }}>
            Registrar no conformidad
          </AccordionHeader>
          <AccordionPanel>
            <NonconformityForm actions={actions} today={today} prefill={prefill} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="resumen">
          <AccordionHeader as="h2">Resumen</AccordionHeader>
          <AccordionPanel>
            <SummarySection actions={actions} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="evaluacion">
          <AccordionHeader as="h2">Evaluación anual</AccordionHeader>
          <AccordionPanel>
            <EvaluationSection actions={actions} defaultYear={defaultYear} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="reparar">
          <AccordionHeader as="h2">Reparar fórmulas</AccordionHeader>
          <AccordionPanel>
            <RepairSection actions={actions} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="diagnostico">
          <AccordionHeader as="h2">Diagnóstico</AccordionHeader>
          <AccordionPanel>
            <DiagnosticsSection actions={actions} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
