/**
 * The browser preview: the same task pane over an .xlsx file instead of Excel. The sample workbook by
 * default, another by file picker or drag and drop, and a download of the result.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import ExcelJS from "exceljs";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { setWasmLocation } from "../model/solver";
import { App } from "../taskpane/App";
import { languageFor, type Language } from "../taskpane/i18n";
import { XlsxGateway } from "../xlsx/gateway";

const SAMPLE_URL = "samples/voorbeeld-ministerie.xlsx";

const text = {
  banner: {
    nl: "Dit is het taakvenster buiten Excel, op een .xlsx-bestand in uw browser. Er gaat niets over het netwerk.",
    en: "This is the task pane outside Excel, working on an .xlsx file in your browser. Nothing goes over the network.",
  },
  title: { nl: "Voorbeeldweergave", en: "Preview" },
  open: { nl: "Werkmap openen…", en: "Open workbook…" },
  drop: { nl: "of sleep een .xlsx-bestand hierheen", en: "or drop an .xlsx file here" },
  download: { nl: "Resultaat downloaden", en: "Download result" },
  current: { nl: "Werkmap", en: "Workbook" },
  selected: { nl: "Geselecteerde cel", en: "Selected cell" },
  failed: { nl: "Kan dit bestand niet openen als .xlsx", en: "Cannot open this file as .xlsx" },
};

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "6px", alignItems: "center" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 10px",
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

async function loadBytes(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

function Preview({ lang }: { lang: Language }): React.ReactElement {
  const styles = useStyles();
  const [gateway, setGateway] = React.useState<XlsxGateway | null>(null);
  const [fileName, setFileName] = React.useState("voorbeeld-ministerie.xlsx");
  const [error, setError] = React.useState<string | null>(null);
  const [selection, setSelection] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  const open = React.useCallback(
    async (bytes: ArrayBuffer, name: string) => {
      try {
        const g = new XlsxGateway(await loadBytes(bytes));
        g.onSelect = (s) => setSelection(`${s.sheet}!${s.address}`);
        setGateway(g);
        setFileName(name);
        setError(null);
        setSelection(null);
      } catch (e) {
        setError(`${text.failed[lang]}: ${(e as Error).message}`);
      }
    },
    [lang],
  );

  React.useEffect(() => {
    fetch(SAMPLE_URL)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
      .then((bytes) => open(bytes, "voorbeeld-ministerie.xlsx"))
      .catch((e) => setError(`${text.failed[lang]}: ${(e as Error).message}`));
  }, [open, lang]);

  const onFiles = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) await open(await file.arrayBuffer(), file.name);
  };

  const download = async () => {
    if (!gateway) return;
    const blob = new Blob([await gateway.toBuffer()], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = fileName.replace(/\.xlsx$/i, "") + "-resultaat.xlsx";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const banner = (
    <>
      <MessageBar intent="warning" data-testid="preview-banner">
        <MessageBarBody>
          <MessageBarTitle>{text.title[lang]}</MessageBarTitle>
          {text.banner[lang]}
        </MessageBarBody>
      </MessageBar>
      <div
        className={`${styles.bar} ${styles.drop} ${dragging ? styles.dropActive : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void onFiles(e.dataTransfer.files);
        }}
        data-testid="drop-zone"
      >
        <Button onClick={() => input.current?.click()}>{text.open[lang]}</Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={text.open[lang]}
          data-testid="file-input"
          onChange={(e) => void onFiles(e.target.files)}
        />
        <Text size={200}>{text.drop[lang]}</Text>
        <Button appearance="primary" onClick={download} disabled={!gateway}>
          {text.download[lang]}
        </Button>
      </div>
      <Text size={200} data-testid="workbook-name">
        {text.current[lang]}: {fileName}
        {selection ? ` · ${text.selected[lang]}: ${selection}` : ""}
      </Text>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
  // A new key per workbook so the pane reads the new file from scratch.
  return (
    <App
      key={fileName + String(!!gateway)}
      host="Preview"
      language={lang}
      gateway={gateway}
      banner={banner}
    />
  );
}

// highs.wasm sits next to the page (copied by the build).
setWasmLocation((file) => new URL(file, document.baseURI).href);

const container = document.getElementById("container");
if (container) {
  const lang = languageFor(new URLSearchParams(location.search).get("lang") ?? navigator.language);
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Preview lang={lang} />
    </FluentProvider>,
  );
}
