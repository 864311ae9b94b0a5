import { PaneMessages } from "../messages";
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Actions } from "../../excel/action-types";
import type { Finding, ValidationReport } from "../../domain/validation/finding";
import { validationOutcome } from "../../domain/validation/outcome-messages";
import { RULE_ORDER, ruleTitle } from "../../domain/validation/group-findings";
import { groupFindings, NC_RULES } from "../findings-view";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";

/** Findings listed per rule before "show more": a long list in a 350 px pane helps no one. */
export const FINDINGS_PER_RULE = 50;

export interface ValidateSectionProps {
  actions: Pick<Actions, "validar" | "seleccionarCelda">;
  /** Opens the non-conformity form prefilled from an ANS finding. */
  onRegisterNonconformity: (finding: Finding) => void;
}

/** "Validar": run the rules, list findings by severity and rule, select a finding's cell on click. */
export function ValidateSection({ actions, onRegisterNonconformity }: ValidateSectionProps) {
  const validation = useAction<ValidationReport>();
  const selection = useAction<void>();
  const [sheet, setSheet] = useState("");
  const [rule, setRule] = useState("");
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const report = validation.result;
  const groups = useMemo(() => (report ? groupFindings(report.findings, { sheet, rule }) : []), [report, sheet, rule]);
  const sheets = useMemo(() => [...new Set(report?.findings.map((f) => f.sheet) ?? [])].sort(), [report]);
  const rules = useMemo(() => {
    const found = new Set(report?.findings.map((f) => f.rule) ?? []);
    return RULE_ORDER.filter((r) => found.has(r));
  }, [report]);

  return (
    <div className="section-body">
      <div className="button-row">
        <Button appearance="primary" disabled={validation.running} onClick={() => void validation.run((onProgress) => actions.validar(onProgress))}>
          {report ? "Validar de nuevo" : "Validar"}
        </Button>
      </div>
      <ActionFeedback slow={validation.slow} error={validation.error} progress={validation.progress} progressLabel={PaneMessages.validating} />
      {report && !validation.running && (
        <>
          <Text role="status" aria-live="polite">
            {validationOutcome(report)}
          </Text>
          {report.findings.length > 0 && (
            <div className="filters">
              <Field label="Hoja">
                <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
                  <option value="">Todas</option>
                  {sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Regla">
                <Select value={rule} onChange={(_, d) => setRule(d.value)}>
                  <option value="">Todas</option>
                  {rules.map((r) => (
                    <option key={r} value={r}>
                      {ruleTitle(r)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
          <ActionFeedback slow={false} error={selection.error} progressLabel="" />
          {groups.map((group) => (
            <section key={group.severity} aria-label={`${group.title}: ${group.count}`}>
              <Subtitle2 as="h3" className={group.severity === "error" ? "severity-error" : "severity-warning"}>
                {group.title} ({group.count})
              </Subtitle2>
              {group.rules.map((ruleGroup) => {
                const groupKey = `${group.severity}:${ruleGroup.rule}`;
                const all = expanded.has(groupKey);
                const visible = all ? ruleGroup.findings : ruleGroup.findings.slice(0, FINDINGS_PER_RULE);
                return (
                  <div key={ruleGroup.rule} className="rule-group">
                    <Text as="h4" weight="semibold" className="rule-heading">
                      {ruleGroup.title} ({ruleGroup.count})
                    </Text>
                    <ul className="finding-list">
                      {visible.map((f, i) => (
                        <li key={`${f.sheet}!${f.cell}:${i}`} className="finding">
                          <Button
                            appearance="subtle"
                            size="small"
                            className="finding-cell"
                            aria-label={`Ir a ${f.sheet}!${f.cell}: ${f.message}`}
                            onClick={() => void selection.run(() => actions.seleccionarCelda(f.sheet, f.cell))}
                          >
                            {f.sheet}!{f.cell}
                          </Button>
                          <Caption1 className="finding-message">{f.message}</Caption1>
                          {NC_RULES.includes(f.rule) && (
                            <Button size="small" onClick={() => onRegisterNonconformity(f)} aria-label={`Registrar NC para ${f.rowKey ?? `${f.sheet}!${f.cell}`}`}>
                              Registrar NC
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                    {ruleGroup.findings.length > FINDINGS_PER_RULE && (
                      <Button size="small" appearance="transparent" onClick={() => setExpanded((s) => new Set(s).add(groupKey))} disabled={all}>
                        {all ? `Mostrando los ${ruleGroup.findings.length}` : `Mostrar los ${ruleGroup.findings.length}`}
                      </Button>
                    )}
                  </div>
                );
              })}
            </section>
          ))}
          {report.findings.length > 0 && groups.length === 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{PaneMessages.noFindingWithFilter}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
