import * as React from "react";
import {
  Button,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ScenarioComparison } from "../../model";
import { displayFormats } from "../../model/display";
import type { Planner } from "../usePlanner";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", marginTop: "8px" },
  actions: { display: "flex", columnGap: "8px", marginTop: "8px" },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorPaletteRedForeground1 },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  table: { minWidth: "760px", tableLayout: "auto" },
  status: { display: "block", fontSize: tokens.fontSizeBase200 },
});

function format(lang: "nl" | "en") {
  const f = displayFormats(lang);
  return { millions: f.millions, pct: f.percent, fte: f.fte, m2: f.whole };
}

/** Small bar chart: primary capacity kept, against a cheese-slicer with the same saving. */
function PrimaryChart({
  rows,
  title,
  labels,
}: {
  rows: ScenarioComparison[];
  title: string;
  labels: [string, string];
}): React.ReactElement {
  const barHeight = 10;
  const rowHeight = 30;
  const left = 130;
  const width = 320;
  const scale = (v: number) => Math.max(0, Math.min(1, v)) * (width - left - 10);
  const height = rows.length * rowHeight + 44;
  return (
    <figure style={{ margin: "12px 0" }}>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        {rows.map((r, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={r.name}>
              <text x={0} y={y + barHeight + 2} fontSize={10} fill="currentColor">
                {r.name.length > 22 ? `${r.name.slice(0, 21)}…` : r.name}
              </text>
              <rect x={left} y={y} width={scale(r.primaryRetained)} height={barHeight} fill="#154273" />
              <rect
                x={left}
                y={y + barHeight + 1}
                width={scale(r.cheesePrimaryRetained)}
                height={barHeight}
                fill="#E17000"
              />
            </g>
          );
        })}
        <rect x={0} y={height - 30} width={10} height={8} fill="#154273" />
        <text x={14} y={height - 22} fontSize={9} fill="currentColor">
          {labels[0]}
        </text>
        <rect x={0} y={height - 14} width={10} height={8} fill="#E17000" />
        <text x={14} y={height - 6} fontSize={9} fill="currentColor">
          {labels[1]}
        </text>
      </svg>
      <figcaption>
        <Text size={200}>{title}</Text>
      </figcaption>
    </figure>
  );
}

export function ResultsPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t } = planner;
  const styles = useStyles();
  const lang = t("row") === "rij" ? "nl" : "en";
  const f = format(lang);
  const result = state.result;
  const yesNo = (ok: boolean) => (
    <span className={ok ? styles.yes : styles.no}>{ok ? t("met") : t("notMet")}</span>
  );
  return (
    <section aria-labelledby="run-title">
      <Subtitle2 as="h2" id="run-title">
        {t("tabRun")}
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={planner.run} disabled={!!state.busy}>
          {t("run")}
        </Button>
        <Button onClick={planner.writeReport} disabled={!result || !!state.busy}>
          {t("writeReport")}
        </Button>
      </div>
      {result ? (
        <>
          <Text as="p">
            {t("endYear")} {result.params.endYear}
          </Text>
          <div className={styles.scroll}>
            <Table size="small" aria-label={t("tabRun")} className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("scenario")}</TableHeaderCell>
                  <TableHeaderCell>{t("saving")}</TableHeaderCell>
                  <TableHeaderCell>{t("target")}</TableHeaderCell>
                  <TableHeaderCell>{t("overhead")}</TableHeaderCell>
                  <TableHeaderCell>{t("roemer")}</TableHeaderCell>
                  <TableHeaderCell>m2</TableHeaderCell>
                  <TableHeaderCell>{t("primaryKept")}</TableHeaderCell>
                  <TableHeaderCell>{t("cheeseSame")}</TableHeaderCell>
                  <TableHeaderCell>{t("forced")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.comparison.map((c) => (
                  <TableRow key={c.name} data-testid={`result-${c.name}`}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell className={styles.num}>{f.millions(c.endYear.structuralSavings)}</TableCell>
                    <TableCell className={styles.num}>
                      {f.millions(c.endYear.target)} {yesNo(c.meetsTarget)}
                    </TableCell>
                    <TableCell className={styles.num}>
                      {f.pct(c.endYear.overheadRatio)} {yesNo(c.meetsOverheadNorm)}
                    </TableCell>
                    <TableCell className={styles.num}>
                      {f.pct(c.endYear.roemerShare)} {yesNo(c.meetsRoemernorm)}
                    </TableCell>
                    <TableCell className={styles.num}>{f.m2(c.endYear.m2)}</TableCell>
                    <TableCell className={styles.num}>{f.pct(c.primaryRetained)}</TableCell>
                    <TableCell className={styles.num}>{f.pct(c.cheesePrimaryRetained)}</TableCell>
                    <TableCell className={styles.num}>{f.fte(c.cumulativeForcedExits)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <PrimaryChart
            rows={result.comparison}
            title={t("chartTitle")}
            labels={[t("primaryKept"), t("cheeseSame")]}
          />
        </>
      ) : null}
    </section>
  );
}
