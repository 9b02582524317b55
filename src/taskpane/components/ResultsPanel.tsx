/**
 * The comparison for a narrow pane: a ranking with a one-line verdict per scenario, the four figures that
 * decide (saving against target, primary kept, against the cheese-slicer, norms), and the rest on demand
 * (levers, notes, one-off costs, forced exits, Optimaal per unit). The full table is in the report sheets.
 */
import * as React from "react";
import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BASELINE_NAME, type ScenarioComparison, type ScenarioResult } from "../../model";
import { leverLabel } from "../i18n";
import type { Planner } from "../usePlanner";
import { PrimaryChart } from "./PrimaryChart";
import { rankScenarios, verdict, type Tier } from "./ranking";
import { formats } from "./text";

const useStyles = makeStyles({
  actions: { display: "flex", columnGap: "8px", rowGap: "6px", flexWrap: "wrap", marginTop: "8px" },
  title: { display: "block", marginTop: "12px", outlineOffset: "2px" },
  list: { listStyleType: "none", padding: 0, margin: "8px 0", display: "grid", rowGap: "8px" },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    display: "grid",
    rowGap: "4px",
    minWidth: 0,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: "6px",
    rowGap: "2px",
    margin: 0,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "6px",
    margin: "2px 0",
    fontSize: tokens.fontSizeBase200,
  },
  tile: { minWidth: 0 },
  wideTile: { minWidth: 0, gridColumn: "1 / -1" },
  big: { display: "block", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { display: "block" },
  more: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "2px",
    margin: "4px 0",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  yes: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  no: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink, padding: "2px 0" },
  sub: { margin: "4px 0 2px", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  plain: { margin: "0", paddingLeft: "18px" },
  muted: { color: tokens.colorNeutralForeground3 },
  explain: { fontSize: tokens.fontSizeBase200, margin: "4px 0" },
});

const TIER_COLOR: Record<Tier, "success" | "warning" | "danger"> = {
  all: "success",
  target: "warning",
  missed: "danger",
};

function Figures({ c, planner }: { c: ScenarioComparison; planner: Planner }): React.ReactElement {
  const { t, lang } = planner;
  const styles = useStyles();
  const f = formats(lang);
  const yesNo = (ok: boolean) => (
    <span className={ok ? styles.yes : styles.no}>{ok ? t("met") : t("notMet")}</span>
  );
  return (
    <dl className={styles.figures}>
      <div className={styles.tile}>
        <dt className={styles.term}>{t("saving")}</dt>
        <dd className={styles.value}>
          <span className={styles.big}>{f.millions(c.endYear.structuralSavings)}</span>
          <span className={styles.note}>
            {t("target").toLowerCase()} {f.millions(c.endYear.target)}: {yesNo(c.meetsTarget)}
          </span>
        </dd>
      </div>
      <div className={styles.tile}>
        <dt className={styles.term}>{t("primaryKept")}</dt>
        <dd className={styles.value}>
          <span className={styles.big}>{f.percent(c.primaryRetained)}</span>
          <span className={styles.note}>
            {t("cheeseShort")}: {f.percent(c.cheesePrimaryRetained)}
          </span>
        </dd>
      </div>
      <div className={styles.wideTile}>
        <dt className={styles.term}>{t("norms")}</dt>
        <dd className={styles.value}>
          {t("overhead")} {f.percent(c.endYear.overheadRatio)} {yesNo(c.meetsOverheadNorm)} · {t("roemer")}{" "}
          {f.percent(c.endYear.roemerShare)} {yesNo(c.meetsRoemernorm)}
        </dd>
      </div>
    </dl>
  );
}

function More({ s, c, planner }: { s: ScenarioResult | undefined; c: ScenarioComparison; planner: Planner }) {
  const { t } = planner;
  const styles = useStyles();
  // The details are made when opened: the notes of eight cards and Optimaal's table per unit, made along with
  // the results, lengthened the page's one long task at the end of a run (150,000 rows, bench:browser).
  const [open, setOpen] = React.useState(false);
  return (
    <details className={styles.details} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>{t("more")}</summary>
      {open ? <MoreBody s={s} c={c} planner={planner} /> : null}
    </details>
  );
}

function MoreBody({
  s,
  c,
  planner,
}: {
  s: ScenarioResult | undefined;
  c: ScenarioComparison;
  planner: Planner;
}) {
  const { t, lang } = planner;
  const styles = useStyles();
  const f = formats(lang);
  return (
    <>
      <dl className={styles.more}>
        <dt className={styles.term}>{t("oneOff")}</dt>
        <dd className={styles.value}>{f.euros(c.cumulativeOneOffCost)}</dd>
        <dt className={styles.term}>{t("forcedTotal")}</dt>
        <dd className={styles.value}>{f.fte(c.cumulativeForcedExits)}</dd>
        <dt className={styles.term}>{t("fteEnd")}</dt>
        <dd className={styles.value}>{f.fte(c.endYear.fte)}</dd>
        <dt className={styles.term}>{t("m2End")}</dt>
        <dd className={styles.value}>{f.whole(c.endYear.m2)}</dd>
      </dl>
      {s && s.levers.length ? (
        <>
          <p className={styles.sub}>{t("levers")}</p>
          <ul className={styles.plain}>
            {s.levers.map((l, i) => (
              <li key={i}>
                {leverLabel(lang, l.kind)}
                {typeof l.value === "number" ? ` ${f.fraction(l.value)}` : l.value === "auto" ? " auto" : ""}
                {l.filter ? `; filter: ${l.filter}` : ""}
                {l.insourceShare ? `; ${t("insource").toLowerCase()} ${f.percent(l.insourceShare)}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className={styles.sub}>{t("notes")}</p>
      {s && s.notes.length ? (
        <ul className={styles.plain}>
          {s.notes.map((n, i) => (
            <li key={i}>{n[lang]}</li>
          ))}
        </ul>
      ) : (
        <p className={styles.explain}>{t("noNotes")}</p>
      )}
      {s?.optimal && s.optimal.units.length ? (
        <>
          <p className={styles.sub}>
            {t("perUnit")}: {t("optimalTitle")}
          </p>
          <ul className={styles.plain} data-testid={`optimal-units-${c.name}`}>
            {s.optimal.units.map((u) => (
              <li key={u.unit}>
                <strong>{u.unit}</strong>: {t("primaryCut").toLowerCase()} {f.fte(u.primaryCut)},{" "}
                {t("overheadCut").toLowerCase()} {f.fte(u.overheadCut)}, {t("hireCut").toLowerCase()}{" "}
                {f.euros(u.hireCut)} ({f.percent(u.shareCut)}
                {u.atCap ? `, ${t("atCap")}` : ""}). {u.reason[lang]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Result cards rendered in the first frame (see ResultsPanel). */
const FIRST_CARDS = 3;

export function ResultsPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t, lang } = planner;
  const styles = useStyles();
  const result = state.result;
  const ranked = result ? rankScenarios(result.comparison, BASELINE_NAME) : [];
  // The first cards in one frame, the rest (and the chart) in the next: all at once, rendering and laying them
  // out was one task of up to 300 ms on 150,000 rows (bench:browser), past the 200 ms a page may block.
  const [allShownFor, setAllShownFor] = React.useState<typeof result>(null);
  const all = allShownFor === result;
  React.useEffect(() => {
    if (!result || all) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rest = () => (timer = setTimeout(() => setAllShownFor(result), 0));
    const frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(rest) : (rest(), 0);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [result, all]);
  const shown = all ? ranked : ranked.slice(0, FIRST_CARDS);
  const baseline = result?.comparison.find((c) => c.name === BASELINE_NAME);
  const unsaved = new Set(state.resultUnsaved);
  const detail = (name: string) => result?.scenarios.find((s) => s.name === name);
  const tierText: Record<Tier, string> = {
    all: t("tierAll"),
    target: t("tierTarget"),
    missed: t("tierMissed"),
  };
  return (
    <section aria-labelledby="run-title">
      <Subtitle2 as="h2" id="run-title">
        {t("tabRun")}
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void planner.run()} disabled={!!state.busy}>
          {t("run")}
        </Button>
        <Button onClick={planner.writeReport} disabled={!result || !!state.busy}>
          {t("writeReport")}
        </Button>
      </div>
      {result ? (
        <>
          <Subtitle2 as="h3" id="results-title" tabIndex={-1} className={styles.title}>
            {t("ranking")}, {t("endYear").toLowerCase()} {result.params.endYear}
          </Subtitle2>
          <p className={styles.explain}>{t("rankingHelp")}</p>
          <p className={styles.explain}>{t("explainSaving")}</p>
          <details className={styles.details}>
            <summary className={styles.summary}>{t("formula")}</summary>
            <p className={styles.explain}>{t("formulaText")}</p>
          </details>
          <ol className={styles.list} aria-labelledby="results-title">
            {shown.map(({ rank, tier, comparison: c }) => (
              <li key={c.name} className={styles.card} data-testid={`result-${c.name}`}>
                <h4 className={styles.head}>
                  <span>
                    {rank}. {c.name}
                  </span>
                  <Badge appearance="tint" color={TIER_COLOR[tier]}>
                    {tierText[tier]}
                  </Badge>
                  {unsaved.has(c.name) ? (
                    <Badge appearance="outline" color="warning">
                      {t("unsavedMark")}
                    </Badge>
                  ) : null}
                </h4>
                <Text size={200} data-testid="verdict">
                  {verdict(c, lang)}
                </Text>
                <Figures c={c} planner={planner} />
                <More s={detail(c.name)} c={c} planner={planner} />
              </li>
            ))}
          </ol>
          {baseline && all ? (
            <div className={styles.card} data-testid={`result-${baseline.name}`}>
              <h4 className={styles.head}>{baseline.name}</h4>
              <Text size={200} className={styles.muted}>
                {t("baselineNote")}
              </Text>
              <Figures c={baseline} planner={planner} />
            </div>
          ) : null}
          {all ? <PrimaryChart rows={ranked.map((r) => r.comparison)} planner={planner} /> : null}
        </>
      ) : (
        <Text as="p" className={styles.muted}>
          {t("noResultYet")}
        </Text>
      )}
    </section>
  );
}
