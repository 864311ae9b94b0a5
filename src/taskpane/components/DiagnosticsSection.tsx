import { PaneMessages } from "../messages";
import { Badge, Button, Field, Text, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Actions, DiagnosticReport, DiagnosticStatus } from "../../excel/action-types";
import { diagnosticReportText, platformName } from "../../excel/diagnostics";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";

export interface DiagnosticsSectionProps {
  actions: Pick<Actions, "diagnostico">;
  /** The moment printed in the report; the pane passes the clock, tests a fixed one. */
  now?: () => Date;
}

const BADGE: Record<DiagnosticStatus, { text: string; color: "success" | "danger" | "informative" }> = {
  ok: { text: "OK", color: "success" },
  falla: { text: "Falla", color: "danger" },
  omitida: { text: "Omitida", color: "informative" },
};

const stamp = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")} ` +
  `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

/** "Diagnóstico": checks, on a temporary sheet, every Excel feature the add-in uses, and gives a report to copy. */
export function DiagnosticsSection({ actions, now = () => new Date() }: DiagnosticsSectionProps) {
  const action = useAction<{ report: DiagnosticReport; text: string }>();
  const [copied, setCopied] = useState<string | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const result = action.result;

  const start = () => {
    setCopied(null);
    void action.run(async () => {
      const report = await actions.diagnostico();
      return { report, text: diagnosticReportText(report, stamp(now())) };
    });
  };

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.text);
      setCopied(PaneMessages.reportCopied);
    } catch {
      // Some Office hosts block the clipboard API: select the text so Ctrl+C (⌘+C) copies it.
      textArea.current?.focus();
      textArea.current?.select();
      setCopied(PaneMessages.reportSelected);
    }
  };

  const failures = result ? result.report.checks.filter((c) => c.status === "falla").length : 0;
  return (
    <div className="section-body">
      <Text>
        {PaneMessages.diagnosticsExplained}
      </Text>
      <div className="button-row">
        <Button appearance="primary" disabled={action.running} onClick={start}>
          Ejecutar diagnóstico
        </Button>
      </div>
      <ActionFeedback slow={action.slow} error={action.error} progressLabel={PaneMessages.diagnosing} />
      {result && !action.running && (
        <>
          <Text role="status" aria-live="polite" weight="semibold">
            {PaneMessages.diagnosticsOutcome(failures)}
          </Text>
          <Text>
            {platformName(result.report.platform)}, versión {result.report.version}
          </Text>
          <ul className="plain-list" aria-label="Resultado por función">
            {result.report.checks.map((c) => (
              <li key={c.feature}>
                <Badge appearance="tint" color={BADGE[c.status].color}>
                  {BADGE[c.status].text}
                </Badge>{" "}
                {c.feature}
                {c.detail && <Text block size={200}>{c.detail}</Text>}
              </li>
            ))}
          </ul>
          <Field label="Informe para soporte">
            <Textarea ref={textArea} readOnly resize="vertical" rows={8} value={result.text} />
          </Field>
          <div className="button-row">
            <Button onClick={() => void copy()}>Copiar informe</Button>
          </div>
          {copied && (
            <Text role="status" aria-live="polite">
              {copied}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
