/**
 * The Rijksbreed tab, in a Rijk workbook (one with a Departementen table): pick the departments' files
 * (Office cannot open other workbooks, so they are read in the pane with the same .xlsx layer as the
 * preview), see the distribution and the consolidated Rijk, and write the Rijksbreed report sheet.
 */
import * as React from "react";
import { Button, Field, Text, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { consolidateRijk, type RijkResult } from "../../model/rijk/consolidation";
import { RIJK_TABLE_NAMES, DEPARTMENTS_TABLE } from "../../model/rijk/tables";
import { REALISATIE_TABLE } from "../../model/monitor";
import { hashInputs } from "../../model/report";
import { rijkSheet } from "../../model/report-rijk";
import { TABLES } from "../../model/schema";
import { VERSION } from "../../model/version";
import { displayFormats } from "../../model/display";
import { loadWorkbook, tablesFromWorkbook } from "../../xlsx/workbook";
import type { WorkbookGateway } from "../gateway";
import type { Language } from "../i18n";

const useStyles = makeStyles({
  panel: { display: "grid", rowGap: "12px", minWidth: 0, overflowWrap: "anywhere" },
  list: { display: "grid", rowGap: "6px", margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "grid",
    rowGap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorPaletteRedForeground1 },
  input: { maxWidth: "100%" },
});

const TEXT = {
  pick: { nl: "Werkmappen van de departementen kiezen", en: "Choose the departments' workbooks" },
  pickHint: {
    nl: "Kies de bestanden uit de kolom Werkmap; ze worden alleen hier in het venster gelezen.",
    en: "Choose the files named in the Werkmap column; they are read here in the pane only.",
  },
  run: { nl: "Optellen", en: "Consolidate" },
  write: { nl: "Rapport Rijksbreed schrijven", en: "Write the Rijk-wide report" },
  distribution: { nl: "Verdeling van de taakstelling", en: "Distribution of the cut" },
  departments: { nl: "Departementen", en: "Departments" },
  rijk: { nl: "Rijk", en: "Rijk" },
  complete: { nl: "volledig", en: "complete" },
  incomplete: { nl: "ONVOLLEDIG, zonder", en: "INCOMPLETE, without" },
  leftOut: { nl: "telt niet mee", en: "left out" },
  own: { nl: "eigen taakstelling", en: "own target" },
  distributed: { nl: "verdeelde taakstelling", en: "distributed target" },
  saving: { nl: "besparing", en: "saving" },
  target: { nl: "taakstelling", en: "target" },
  notRijk: {
    nl: "Deze werkmap heeft geen tabel Departementen: dit is geen rijkswerkmap.",
    en: "This workbook has no Departementen table: it is not a Rijk workbook.",
  },
  errors: { nl: "De rijkswerkmap heeft invoerfouten", en: "The Rijk workbook has input errors" },
  written: { nl: "Geschreven", en: "Written" },
  thisWorkbook: { nl: "(deze werkmap)", en: "(this workbook)" },
  notPicked: { nl: "niet gekozen", en: "not chosen" },
};

/** Whether the open workbook is a Rijk workbook (has Departementen): decides whether the tab shows. */
export function useIsRijkWorkbook(gateway: WorkbookGateway, visible = true): boolean {
  const [rijk, setRijk] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    // Like every read of the pane: never while the pane is hidden (shared runtime, see visibility.ts).
    if (!visible) return;
    gateway
      .readTables({ names: [DEPARTMENTS_TABLE] })
      .then((read) => live && setRijk(!!read.tables[DEPARTMENTS_TABLE]))
      .catch(() => live && setRijk(false));
    return () => {
      live = false;
    };
  }, [gateway, visible]);
  return rijk;
}

const baseName = (p: string) => p.split(/[\\/]/).pop()!.toLowerCase();

/** A picked file's bytes (FileReader where Blob.arrayBuffer is missing, as in older web views). */
function fileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export function RijkPanel({ gateway, language }: { gateway: WorkbookGateway; language: Language }) {
  const styles = useStyles();
  const t = (k: keyof typeof TEXT) => TEXT[k][language];
  const f = displayFormats(language);
  const [files, setFiles] = React.useState<File[]>([]);
  const [result, setResult] = React.useState<RijkResult | null>(null);
  const [hash, setHash] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);
  const names = [...TABLES.map((x) => x.name as string), REALISATIE_TABLE];

  const consolidate = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const read = await gateway.readTables({ names: RIJK_TABLE_NAMES });
      setHash(hashInputs(read.tables));
      const byName = new Map(files.map((file) => [baseName(file.name), file]));
      const r = await consolidateRijk(read.tables, async (d) => {
        const file = byName.get(baseName(d.workbook!));
        if (!file)
          return {
            file: d.workbook,
            tables: null,
            loadError: { nl: `werkmap ${d.workbook} niet gekozen`, en: `workbook ${d.workbook} not chosen` },
          };
        const wb = await loadWorkbook(new Uint8Array(await fileBytes(file)));
        return { file: d.workbook, tables: tablesFromWorkbook(wb, names).tables, readAt: new Date() };
      });
      setResult(r);
      if (!r.ok)
        setMessage(
          `${t("errors")}: ${r.issues.map((i) => (language === "en" ? i.messageEn : i.message)).join(" ")}`,
        );
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const write = async () => {
    if (!result) return;
    setBusy(true);
    try {
      const written = await gateway.writeReport([
        rijkSheet(
          result,
          {
            createdAt: new Date(),
            version: VERSION,
            file: t("thisWorkbook"),
            inputHash: hash,
          },
          undefined,
          language,
        ),
      ]);
      setMessage(`${t("written")}: ${written.sheets.join(", ")}`);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const end = result?.rijk.years[result.rijk.years.length - 1];
  return (
    <div className={styles.panel} data-testid="rijk-panel">
      <Field label={t("pick")} hint={t("pickHint")}>
        <input
          className={styles.input}
          type="file"
          multiple
          accept=".xlsx"
          aria-label={t("pick")}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </Field>
      <div>
        <Button appearance="primary" onClick={consolidate} disabled={busy}>
          {t("run")}
        </Button>{" "}
        <Button onClick={write} disabled={busy || !result?.ok}>
          {t("write")}
        </Button>
      </div>
      {message ? (
        <Text role="status" data-testid="rijk-message">
          {message}
        </Text>
      ) : null}
      {result && result.ok ? (
        <>
          <Subtitle2 as="h2">
            {t("rijk")}:{" "}
            {result.rijk.complete ? t("complete") : `${t("incomplete")} ${result.rijk.leftOut.join(", ")}`}
          </Subtitle2>
          {end ? (
            <Text>
              {end.year}: {t("saving")} {f.millions(end.structuralSavings)} / {t("target")}{" "}
              {f.millions(end.target)}; FTE {f.fte(end.fte)}; overhead {f.percent(end.overheadRatio)}; Roemer{" "}
              {f.percent(end.roemerShare)}
            </Text>
          ) : null}
          <Subtitle2 as="h2">{t("departments")}</Subtitle2>
          <ul className={styles.list}>
            {result.departments.map((d) => {
              const last = d.years[d.years.length - 1];
              const shares = result.distribution.filter((e) => e.department === d.name);
              return (
                <li key={d.name} className={styles.item}>
                  <Text weight="semibold">{d.name}</Text>
                  <Text size={200}>
                    {t("distribution")}: {shares.map((e) => `${e.year} ${f.millions(e.target)}`).join(", ")}
                  </Text>
                  {d.included && last ? (
                    <Text size={200}>
                      {d.scenario}, {d.targetSource === "own" ? t("own") : t("distributed")}; {last.year}:{" "}
                      <span className={last.gap >= -0.5 ? styles.yes : styles.no}>
                        {t("saving")} {f.millions(last.structuralSavings)} / {f.millions(last.target)}
                      </span>
                      {d.status
                        ? ` · monitor ${d.status.date}: ${d.status.onTrack}/${d.status.measures}`
                        : ""}
                    </Text>
                  ) : (
                    <Text size={200} className={styles.no}>
                      {t("leftOut")}:{" "}
                      {d.issues.filter((i) => i.severity === "error").map((i) => i.message)[0] ?? ""}
                    </Text>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
