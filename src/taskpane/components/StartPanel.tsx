import * as React from "react";
import { Badge, Button, Checkbox, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Planner } from "../usePlanner";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: "8px 0", display: "grid", rowGap: "6px" },
  item: { display: "flex", alignItems: "center", columnGap: "8px", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", columnGap: "8px", alignItems: "center", flexWrap: "wrap", marginTop: "8px" },
});

export function StartPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t } = planner;
  const styles = useStyles();
  const [examples, setExamples] = React.useState(false);
  const missing = state.status?.filter((s) => !s.found) ?? [];
  return (
    <section aria-labelledby="start-title">
      <Subtitle2 as="h2" id="start-title">
        {t("tablesTitle")}
      </Subtitle2>
      {state.status === null ? (
        <Text>{t("loading")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("tablesTitle")}>
          {state.status.map((s) => (
            <li key={s.name} className={styles.item} data-testid={`table-${s.name}`}>
              <Badge appearance="filled" color={s.found ? "success" : s.required ? "danger" : "informative"}>
                {s.found ? t("found") : t("missing")}
              </Badge>
              <Text weight="semibold">{s.name}</Text>
              {s.found ? (
                <Text className={styles.muted}>
                  {s.rows} {t("rows")}, {t("onSheet")} {s.sheet}
                </Text>
              ) : (
                <Text className={styles.muted}>{s.required ? t("required") : t("missingOptional")}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
      <Text as="p" size={200} className={styles.muted}>
        {t("templateHint")}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
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
