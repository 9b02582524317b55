import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookGateway } from "./gateway";
import { translate, type Language } from "./i18n";
import { usePlanner } from "./usePlanner";
import { StartPanel } from "./components/StartPanel";
import { CheckPanel } from "./components/CheckPanel";
import { ScenariosPanel } from "./components/ScenariosPanel";
import { ResultsPanel } from "./components/ResultsPanel";
import { MonitorGlance } from "./components/MonitorGlance";
import { RijkPanel, useIsRijkWorkbook } from "./components/RijkPanel";

const useStyles = makeStyles({
  main: { padding: "12px 16px", display: "grid", rowGap: "12px", color: tokens.colorNeutralForeground1 },
  busy: { display: "grid", rowGap: "4px" },
  busyRow: { display: "flex", alignItems: "center", columnGap: "8px", justifyContent: "space-between" },
});

export interface AppProps {
  /** null outside Office (a plain browser): the pane then explains how to open it in Excel */
  host: string | null;
  language: Language;
  gateway?: WorkbookGateway | null;
  /** a banner above everything, e.g. for the browser preview */
  banner?: React.ReactNode;
}

type TabId = "start" | "check" | "scenarios" | "run" | "rijk";

function Planner({
  gateway,
  language,
}: {
  gateway: WorkbookGateway;
  language: Language;
}): React.ReactElement {
  const planner = usePlanner(gateway, language);
  const { state, t } = planner;
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>("start");
  const isRijk = useIsRijkWorkbook(gateway);
  React.useEffect(() => {
    void planner.refresh();
    // Read once when the pane opens; later reads are the user's to ask for.
  }, [gateway]);
  return (
    <>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={t("appTitle")}
        style={isRijk ? { flexWrap: "wrap" } : undefined}
      >
        <Tab value="start">{t("tabStart")}</Tab>
        <Tab value="check">{t("tabCheck")}</Tab>
        <Tab value="scenarios">{t("tabScenarios")}</Tab>
        <Tab value="run">{t("tabRun")}</Tab>
        {isRijk ? <Tab value="rijk">{t("tabRijk")}</Tab> : null}
      </TabList>
      {state.busy ? (
        <div className={styles.busy} role="status" aria-live="polite">
          <div className={styles.busyRow}>
            <Text>{state.busy.label}…</Text>
            {state.busy.cancellable ? (
              <Button size="small" onClick={planner.cancel}>
                {t("cancel")}
              </Button>
            ) : null}
          </div>
          <ProgressBar value={state.busy.progress ?? undefined} aria-label={state.busy.label} />
        </div>
      ) : null}
      {state.message ? (
        <MessageBar intent={state.message.intent} data-testid="message">
          <MessageBarBody>
            <MessageBarTitle>{state.message.title}</MessageBarTitle>
            {state.message.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={planner.dismiss}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div
        role="tabpanel"
        aria-label={t(
          tab === "start"
            ? "tabStart"
            : tab === "check"
              ? "tabCheck"
              : tab === "scenarios"
                ? "tabScenarios"
                : tab === "rijk"
                  ? "tabRijk"
                  : "tabRun",
        )}
      >
        {tab === "start" ? <StartPanel planner={planner} /> : null}
        {tab === "check" ? <CheckPanel planner={planner} /> : null}
        {tab === "scenarios" ? <ScenariosPanel planner={planner} /> : null}
        {tab === "run" ? <MonitorGlance gateway={gateway} result={state.result} language={language} /> : null}
        {tab === "run" ? <ResultsPanel planner={planner} /> : null}
        {tab === "rijk" ? <RijkPanel gateway={gateway} language={language} /> : null}
      </div>
    </>
  );
}

export function App({ host, language, gateway, banner }: AppProps): React.ReactElement {
  const styles = useStyles();
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return (
    <main className={styles.main}>
      {banner}
      <Title2 as="h1">{t("appTitle")}</Title2>
      {gateway ? (
        <Planner gateway={gateway} language={language} />
      ) : host === null ? (
        <MessageBar intent="info" data-testid="open-in-excel">
          <MessageBarBody>
            <MessageBarTitle>{t("notInExcelTitle")}</MessageBarTitle>
            {t("openInExcel")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </main>
  );
}
