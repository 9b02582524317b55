import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Title2 } from "@fluentui/react-components";
import { translate, type Language } from "./i18n";

export interface AppProps {
  /** null outside Office (a plain browser): the pane then explains how to open it in Excel */
  host: string | null;
  language: Language;
}

export function App({ host, language }: AppProps): React.ReactElement {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return (
    <main style={{ padding: 16 }}>
      <Title2 as="h1">{t("appTitle")}</Title2>
      {host === null ? (
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
