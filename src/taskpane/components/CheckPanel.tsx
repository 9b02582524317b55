import * as React from "react";
import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Planner } from "../usePlanner";
import { cellAddress, plural } from "./text";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: "8px 0", display: "grid", rowGap: "4px" },
  issue: {
    width: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: "6px 8px",
    fontWeight: tokens.fontWeightRegular,
  },
  body: { display: "grid", rowGap: "2px", minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

export function CheckPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t, lang } = planner;
  const styles = useStyles();
  const issues = state.issues ?? [];
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <section aria-labelledby="check-title">
      <Subtitle2 as="h2" id="check-title">
        {t("tabCheck")}
      </Subtitle2>
      <div>
        <Button appearance="primary" onClick={() => planner.refresh(true)} disabled={!!state.busy}>
          {t("check")}
        </Button>
      </div>
      {state.issues === null ? null : issues.length === 0 ? (
        <Text as="p" role="status">
          {t("checkOk")}
        </Text>
      ) : (
        <>
          <Text as="p" role="status">
            {plural(lang, errors, t("errorOne"), t("errors"))},{" "}
            {plural(lang, issues.length - errors, t("warningOne"), t("warnings"))}. {t("selectHint")}
          </Text>
          <ul className={styles.list} aria-label={t("tabCheck")}>
            {issues.map((issue, i) => {
              const cell = cellAddress(state.read, issue);
              return (
                <li key={i}>
                  <Button
                    className={styles.issue}
                    appearance="subtle"
                    onClick={() => planner.selectIssue(issue)}
                    data-testid="issue"
                  >
                    <span className={styles.body}>
                      <span>
                        <Badge appearance="filled" color={issue.severity === "error" ? "danger" : "warning"}>
                          {issue.severity === "error" ? t("error") : t("warning")}
                        </Badge>{" "}
                        {cell ? <span className={styles.cell}>{cell}</span> : null}{" "}
                        <span className={styles.where}>
                          ({issue.table}
                          {issue.row !== null ? `, ${t("row")} ${issue.row}` : ""}
                          {issue.column ? `, ${t("column")} ${issue.column}` : ""})
                        </span>
                      </span>
                      <span>{lang === "nl" ? issue.message : issue.messageEn}</span>
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
