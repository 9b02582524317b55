/**
 * The browser preview: the same task pane over an .xlsx file instead of Excel. The sample workbook by
 * default, another by file picker or drag and drop, and a download of the result. The workbook lives in the
 * planner worker (src/worker): parsing, the engine and writing never block the page, and opening and
 * downloading show progress.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { languageFor, type Language } from "../taskpane/i18n";
import { runInWorker, setWorkerFactory } from "../worker/client";
import { startPlannerWorker } from "../worker/spawn";
import { WorkerGateway } from "./worker-gateway";

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
  opening: { nl: "Werkmap openen", en: "Opening workbook" },
  parsing: { nl: "bestand lezen", en: "reading the file" },
  tables: { nl: "tabellen zoeken", en: "finding the tables" },
  saving: { nl: "Resultaat maken", en: "Making the result" },
};

/** A file size as people read it: "12,3 MB". */
function megabytes(bytes: number, lang: Language): string {
  return `${(bytes / 1048576).toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 })} MB`;
}

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

function Preview({ lang }: { lang: Language }): React.ReactElement {
  const styles = useStyles();
  const [gateway, setGateway] = React.useState<WorkerGateway | null>(null);
  const [working, setWorking] = React.useState<{ label: string; progress: number | null } | null>(null);
  const [fileName, setFileName] = React.useState("voorbeeld-ministerie.xlsx");
  // Counts the opens: the pane mounts anew for each, also for a file of the same name opened again.
  const [opens, setOpens] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const [selection, setSelection] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  const open = React.useCallback(
    async (bytes: ArrayBuffer, name: string) => {
      const label = `${text.opening[lang]}: ${name} (${megabytes(bytes.byteLength, lang)})`;
      setWorking({ label: `${label}, ${text.parsing[lang]}`, progress: null });
      try {
        const g = await WorkerGateway.open(
          bytes,
          {
            onProgress: (done, total, stage) =>
              setWorking({
                label: `${label}, ${stage === "tables" ? text.tables[lang] : text.parsing[lang]}`,
                progress: done / total,
              }),
          },
          name,
        );
        g.onSelect = (s) => setSelection(`${s.sheet}!${s.address}`);
        setGateway(g);
        setOpens((n) => n + 1);
        setFileName(name);
        setError(null);
        setSelection(null);
      } catch (e) {
        setError(`${text.failed[lang]}: ${(e as Error).message}`);
      } finally {
        setWorking(null);
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
    setWorking({ label: text.saving[lang], progress: null });
    let bytes: ArrayBuffer;
    try {
      bytes = await gateway.toBuffer();
    } catch (e) {
      setError((e as Error).message);
      return;
    } finally {
      setWorking(null);
    }
    const blob = new Blob([bytes], {
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
        <Button appearance="primary" onClick={download} disabled={!gateway || !!working}>
          {text.download[lang]}
        </Button>
      </div>
      <Text size={200} data-testid="workbook-name">
        {text.current[lang]}: {fileName}
        {selection ? ` · ${text.selected[lang]}: ${selection}` : ""}
      </Text>
      {working ? (
        <div role="status" aria-live="polite" data-testid="preview-progress">
          <Text size={200}>{working.label}…</Text>
          <ProgressBar value={working.progress ?? undefined} aria-label={working.label} />
        </div>
      ) : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
  // A new key per open so the pane reads the new file from scratch.
  return <App key={opens} host="Preview" language={lang} gateway={gateway} banner={banner} />;
}

// Parsing, the engine, HiGHS and writing run in the planner worker.
setWorkerFactory(startPlannerWorker);
// The sample the page opens first uses Optimaal: HiGHS starts loading and warming up in its worker now, not
// once the sample's texts are read, and is more often done before a workbook is opened (bench:browser).
void runInWorker({ task: "warmSolver" }).catch(() => undefined);

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
