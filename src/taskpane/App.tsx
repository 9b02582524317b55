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
import type { WorkbookGateway } from "../model/ports";
import { translate, type Language, type StringKey } from "./i18n";
import { usePlanner, type Planner, type TabId } from "./usePlanner";
import { StartPanel } from "./components/StartPanel";
import { CheckPanel } from "./components/CheckPanel";
import { ScenariosPanel } from "./components/ScenariosPanel";
import { ResultsPanel } from "./components/ResultsPanel";
import { MonitorGlance } from "./components/MonitorGlance";
import { RijkPanel, useIsRijkWorkbook } from "./components/RijkPanel";

const useStyles = makeStyles({
  main: {
    padding: "12px 16px",
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: "12px",
    color: tokens.colorNeutralForeground1,
    // Long words (sheet names, filters) wrap instead of widening the pane (WCAG 1.4.10 reflow).
    overflowWrap: "anywhere",
  },
  // The four tabs fit one line at 320 px in Dutch and English (a vertical scrollbar included): caption-size
  // labels (12 px, as Fluent's small controls), narrow padding, and the list reaching 8 px into the pane's
  // padding. With the fifth tab (Rijksbreed) two labels are shorter (TABS' short); were a label ever too
  // long after all (a larger system font), the list wraps rather than widening the pane.
  tabs: { flexWrap: "wrap", rowGap: "2px", marginLeft: "-8px", marginRight: "-8px" },
  tab: {
    paddingLeft: "4px",
    paddingRight: "4px",
    "& .fui-Tab__content": { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
    // the hidden bold copy that reserves the selected label's width
    "& .fui-Tab__content--reserved-space": {
      fontSize: tokens.fontSizeBase200,
      lineHeight: tokens.lineHeightBase200,
    },
  },
  busy: { display: "grid", rowGap: "4px" },
  busyRow: { display: "flex", alignItems: "center", columnGap: "8px", justifyContent: "space-between" },
  message: { minWidth: 0 },
  messageActions: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "4px", marginTop: "6px" },
});

export interface AppProps {
  /** null outside Office (a plain browser): the pane then explains how to open it in Excel */
  host: string | null;
  language: Language;
  gateway?: WorkbookGateway | null;
  /** a banner above everything, e.g. for the browser preview */
  banner?: React.ReactNode;
  /** false while the pane is hidden (shared runtime): the workbook is read only when it is visible */
  visible?: boolean;
}

interface PanelProps {
  planner: Planner;
  gateway: WorkbookGateway;
  language: Language;
}

/** Doorrekenen: the monitor's latest peildatum at a glance above the comparison. */
function RunPanel({ planner, gateway, language }: PanelProps): React.ReactElement {
  return (
    <>
      <MonitorGlance gateway={gateway} result={planner.state.result} language={language} />
      <ResultsPanel planner={planner} />
    </>
  );
}

function RijkTab({ gateway, language }: PanelProps): React.ReactElement {
  return <RijkPanel gateway={gateway} language={language} />;
}

/** The tabs in order; a new tab is one more entry here (and its id in TabId). Rijksbreed only in a Rijk workbook. */
/** `short` is the visible label when all five tabs are shown; the full label stays the accessible name. */
const TABS: { id: TabId; label: StringKey; short?: StringKey; Panel: React.ComponentType<PanelProps> }[] = [
  { id: "start", label: "tabStart", Panel: StartPanel },
  { id: "check", label: "tabCheck", Panel: CheckPanel },
  { id: "scenarios", label: "tabScenarios", Panel: ScenariosPanel },
  { id: "run", label: "tabRun", short: "tabRunShort", Panel: RunPanel },
  { id: "rijk", label: "tabRijk", short: "tabRijkShort", Panel: RijkTab },
];

function PlannerPane({
  gateway,
  language,
  visible,
}: {
  gateway: WorkbookGateway;
  language: Language;
  visible: boolean;
}): React.ReactElement {
  const planner = usePlanner(gateway, language);
  const { state, t } = planner;
  const styles = useStyles();
  const messageRef = React.useRef<HTMLDivElement>(null);
  const isRijk = useIsRijkWorkbook(gateway, visible);
  const tabs = TABS.filter((x) => x.id !== "rijk" || isRijk);
  React.useEffect(() => {
    // Read when the pane opens or becomes visible again (never while hidden); unsaved edits are kept.
    if (visible) void planner.refresh(true);
  }, [gateway, visible]);
  React.useEffect(() => {
    // Focus goes to what the last action produced.
    if (!state.focus) return;
    const target =
      state.focus.target === "message" ? messageRef.current : document.getElementById("results-title");
    target?.focus();
  }, [state.focus]);
  const active = tabs.find((x) => x.id === state.tab) ?? tabs[0];
  const message = state.message;
  return (
    <>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={active.id}
        onTabSelect={(_, d) => planner.setTab(d.value as TabId)}
        aria-label={t("appTitle")}
      >
        {tabs.map((x) => {
          const short = tabs.length === TABS.length && x.short ? t(x.short) : null;
          return short && short !== t(x.label) ? (
            <Tab
              key={x.id}
              value={x.id}
              id={`tab-${x.id}`}
              className={styles.tab}
              aria-label={t(x.label)}
              title={t(x.label)}
            >
              {short}
            </Tab>
          ) : (
            <Tab key={x.id} value={x.id} id={`tab-${x.id}`} className={styles.tab}>
              {t(x.label)}
            </Tab>
          );
        })}
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
      {message ? (
        <div ref={messageRef} tabIndex={-1} className={styles.message} data-testid="message-region">
          <MessageBar intent={message.intent} layout="multiline" data-testid="message">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.text}
              {message.goTo || message.confirmSave ? (
                <div className={styles.messageActions}>
                  {message.goTo ? (
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => planner.setTab(message.goTo!.tab)}
                    >
                      {message.goTo.label}
                    </Button>
                  ) : null}
                  {message.confirmSave ? (
                    <Button size="small" appearance="primary" onClick={planner.saveAndReport}>
                      {t("saveAndReport")}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={planner.dismiss}>
                {message.confirmSave ? t("cancel") : t("dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      ) : null}
      <div role="tabpanel" aria-labelledby={`tab-${active.id}`}>
        <active.Panel planner={planner} gateway={gateway} language={language} />
      </div>
    </>
  );
}

export function App({ host, language, gateway, banner, visible = true }: AppProps): React.ReactElement {
  const styles = useStyles();
  const t = (key: StringKey) => translate(language, key);
  return (
    <main className={styles.main}>
      {banner}
      <Title2 as="h1">{t("appTitle")}</Title2>
      {gateway ? (
        <PlannerPane gateway={gateway} language={language} visible={visible} />
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
