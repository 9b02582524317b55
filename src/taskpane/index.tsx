import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { setWasmLocation } from "../model/solver";
import { App } from "./App";
import { ExcelGateway } from "../excel/gateway";
import { missingRequirements, requirementMessage } from "../excel/requirements";
import { languageFor, translate, type Language } from "./i18n";
import { pageVisible, watchVisibility } from "./visibility";
import { runInWorker, setWorkerFactory } from "../worker/client";
import { setEngineRunner } from "../functions/engine";
import { startPlannerWorker } from "../worker/spawn";

/** Dark when Office's theme background is dark. */
function prefersDark(): boolean {
  try {
    const bg = Office.context?.officeTheme?.bodyBackgroundColor;
    if (!bg) return false;
    const n = parseInt(bg.replace("#", ""), 16);
    const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    return luminance < 128;
  } catch {
    return false;
  }
}

// highs.wasm sits next to the page (copied by the build).
setWasmLocation((file) => new URL(file, document.baseURI).href);
// Runs (engine and HiGHS) go to a Web Worker, so the FP.* functions in this shared runtime keep calculating.
setWorkerFactory(startPlannerWorker);
// FP.SCENARIO and FP.COMPARE run on the same worker (the functions share this page's runtime).
setEngineRunner(async (tables) => {
  const { result, issues } = await runInWorker({ task: "run", tables });
  if (!result)
    throw new Error(issues.find((i) => i.severity === "error")?.message ?? "Invoerfout / input error");
  return result;
});

/** The pane in Excel: reads the workbook only while it is visible (see visibility.ts). */
function ExcelPane({ host, language }: { host: string; language: Language }): React.ReactElement {
  const [visible, setVisible] = React.useState(pageVisible());
  React.useEffect(() => watchVisibility(setVisible), []);
  const gateway = React.useMemo(() => new ExcelGateway(), []);
  const missing = requirementMessage(missingRequirements(), language);
  const banner = missing ? (
    <MessageBar intent="warning" data-testid="requirements">
      <MessageBarBody>
        <MessageBarTitle>{translate(language, "requirementsTitle")}</MessageBarTitle>
        {missing}
      </MessageBarBody>
    </MessageBar>
  ) : null;
  return <App host={host} language={language} gateway={gateway} visible={visible} banner={banner} />;
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  Office.onReady((info) => {
    const host = info.host ? String(info.host) : null;
    const language = languageFor(host ? Office.context.displayLanguage : navigator.language);
    root.render(
      <FluentProvider theme={prefersDark() ? webDarkTheme : webLightTheme}>
        {host && info.host === Office.HostType.Excel ? (
          <ExcelPane host={host} language={language} />
        ) : (
          <App host={host} language={language} gateway={null} />
        )}
      </FluentProvider>,
    );
  });
}
