/**
 * The latest peildatum's status at a glance (Doorrekenen tab): reads Realisatie and Gekozen scenario
 * through the gateway and judges them against the run's chosen scenario (src/model/monitor.ts).
 */
import * as React from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RunResult } from "../../model";
import {
  chosenResult,
  latestStatus,
  MEASURE_LABELS,
  monitorEntries,
  readMonitorInput,
  REALISATIE_TABLE,
  type MonitorStatus,
} from "../../model/monitor";
import type { WorkbookGateway } from "../gateway";
import type { Language } from "../i18n";

const useStyles = makeStyles({
  box: {
    display: "grid",
    rowGap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "4px", alignItems: "center" },
});

const TEXT = {
  title: { nl: "Monitor, laatste peildatum", en: "Monitor, latest date" },
  onTrack: { nl: "op koers", en: "on track" },
  offTrack: { nl: "niet op koers", en: "off track" },
  of: { nl: "van", en: "of" },
  normsMissed: { nl: "norm gemist", en: "norm missed" },
  scenario: { nl: "gekozen scenario", en: "chosen scenario" },
};

export function MonitorGlance({
  gateway,
  result,
  language,
}: {
  gateway: WorkbookGateway;
  result: RunResult | null;
  language: Language;
}): React.ReactElement | null {
  const styles = useStyles();
  const [status, setStatus] = React.useState<{ status: MonitorStatus; scenario: string } | null>(null);
  React.useEffect(() => {
    let live = true;
    if (!result) {
      setStatus(null);
      return;
    }
    gateway
      .readTables({ names: ["Parameters", "Scenarios", REALISATIE_TABLE] })
      .then((read) => {
        const input = readMonitorInput(read.tables, null);
        if (!live || input.rows.length === 0) return;
        const chosen = chosenResult(result, input.chosen);
        const s = latestStatus(monitorEntries(chosen, input.rows, result.params));
        setStatus(s ? { status: s, scenario: chosen.name } : null);
      })
      .catch(() => setStatus(null));
    return () => {
      live = false;
    };
  }, [gateway, result]);
  if (!status) return null;
  const t = (k: keyof typeof TEXT) => TEXT[k][language];
  const s = status.status;
  const all = s.offTrack.length === 0;
  return (
    <section className={styles.box} aria-label={t("title")} data-testid="monitor-glance">
      <div className={styles.row}>
        <Text weight="semibold">
          {t("title")}: {s.date}
        </Text>
        <Badge color={all ? "success" : "danger"} appearance="filled">
          {s.onTrack} {t("of")} {s.measures} {t("onTrack")}
        </Badge>
      </div>
      <Text size={200}>
        {t("scenario")}: {status.scenario}
      </Text>
      {s.offTrack.length > 0 ? (
        <Text size={200}>
          {t("offTrack")}: {s.offTrack.map((m) => MEASURE_LABELS[m][language]).join(", ")}
        </Text>
      ) : null}
      {s.normsMissed.length > 0 ? (
        <Text size={200}>
          {t("normsMissed")}: {s.normsMissed.map((m) => MEASURE_LABELS[m][language]).join(", ")}
        </Text>
      ) : null}
    </section>
  );
}
