import * as React from "react";
import { Badge, Button, Checkbox, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Planner } from "../usePlanner";
import { plural } from "./text";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: "8px 0", display: "grid", rowGap: "6px" },
  item: { display: "flex", alignItems: "center", columnGap: "8px", rowGap: "2px", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    columnGap: "8px",
    rowGap: "6px",
    alignItems: "center",
    flexWrap: "wrap",
    marginTop: "8px",
  },
  next: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: "8px",
    margin: "8px 0",
    display: "grid",
    rowGap: "6px",
    justifyItems: "start",
  },
});

/** Red: a required table missing or a table with errors; green: found and checked; grey otherwise. */
function badgeColor(
  s: { found: boolean; required: boolean },
  errors: number,
  checked: boolean,
): "danger" | "success" | "informative" {
  if (!s.found) return s.required ? "danger" : "informative";
  if (errors > 0) return "danger";
  return checked ? "success" : "informative";
}

export function StartPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t, lang } = planner;
  const styles = useStyles();
  const [examples, setExamples] = React.useState(false);
  const missing = state.status?.filter((s) => !s.found) ?? [];
  const issues = state.issues ?? [];
  const errorsIn = (table: string) =>
    issues.filter((i) => i.severity === "error" && i.table === table).length;
  const warningsIn = (table: string) =>
    issues.filter((i) => i.severity === "warning" && i.table === table).length;
  const missingRequired = missing.some((s) => s.required);
  const totalErrors = issues.filter((i) => i.severity === "error").length;
  // Just opened, the tables show before their check: found, not yet known to be free of errors.
  const checked = state.issues !== null;
  return (
    <section aria-labelledby="start-title">
      <Subtitle2 as="h2" id="start-title">
        {t("tablesTitle")}
      </Subtitle2>
      {state.status === null ? (
        <Text>{t("loading")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("tablesTitle")}>
          {state.status.map((s) => {
            const errors = errorsIn(s.name);
            const warnings = warningsIn(s.name);
            return (
              <li key={s.name} className={styles.item} data-testid={`table-${s.name}`}>
                <Badge appearance="filled" color={badgeColor(s, errors, checked)}>
                  {s.found
                    ? errors
                      ? `${t("withErrors")} ${plural(lang, errors, t("errorOne"), t("errors"))}`
                      : t("found")
                    : t("missing")}
                </Badge>
                <Text weight="semibold">{s.name}</Text>
                {s.found ? (
                  <Text className={styles.muted}>
                    {plural(lang, s.rows ?? 0, t("rowOne"), t("rows"))}, {t("onSheet")} {s.sheet}
                    {warnings ? `; ${plural(lang, warnings, t("warningOne"), t("warnings"))}` : ""}
                  </Text>
                ) : (
                  <Text className={styles.muted}>{s.required ? t("required") : t("missingOptional")}</Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {state.status !== null ? (
        <div className={styles.next} data-testid="next-step">
          <Text weight="semibold">{t("nextStep")}</Text>
          {!checked && !missingRequired ? (
            // Under way, or failed (the message above says why; Opnieuw lezen tries again).
            <Text>{state.busy ? `${t("checking")}…` : t("notChecked")}</Text>
          ) : missingRequired ? (
            <Text>{t("nextInsert")}</Text>
          ) : totalErrors > 0 ? (
            <>
              <Text>{t("nextFix")}</Text>
              <Button size="small" appearance="primary" onClick={() => planner.setTab("check")}>
                {t("goToCheck")}
              </Button>
            </>
          ) : (
            <>
              <Text>{t("nextScenarios")}</Text>
              <Button size="small" onClick={() => planner.setTab("scenarios")}>
                {t("goToScenarios")}
              </Button>
            </>
          )}
        </div>
      ) : null}
      <Text as="p" size={200} className={styles.muted}>
        {t("templateHint")}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance={missingRequired ? "primary" : "secondary"}
          disabled={missing.length === 0 || !!state.busy}
          onClick={() => planner.insertTemplate(examples)}
        >
          {t("insertTemplate")}
        </Button>
        <Checkbox
          checked={examples}
          onChange={(_, d) => setExamples(!!d.checked)}
          label={t("withExamples")}
        />
        <Button onClick={() => planner.refresh()} disabled={!!state.busy}>
          {t("refresh")}
        </Button>
      </div>
    </section>
  );
}
