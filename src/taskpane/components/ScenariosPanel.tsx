import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LEVER_NAMES } from "../../model/schema";
import {
  checkLeverDraft,
  checkScenarioDrafts,
  hasErrors,
  uniqueName,
  type LeverDraft,
  type ScenarioDraft,
} from "../../model/scenarios";
import type { Planner } from "../usePlanner";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", alignItems: "end", marginTop: "8px" },
  lever: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    marginTop: "8px",
    display: "grid",
    rowGap: "6px",
  },
  levers: { listStyleType: "none", padding: 0, margin: 0 },
  problems: { color: tokens.colorPaletteRedForeground1 },
});

const emptyLever = (): LeverDraft => ({ lever: "Kaasschaaf", value: "auto", filter: "", insource: "" });

function LeverEditor({
  lever,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  planner,
}: {
  lever: LeverDraft;
  index: number;
  count: number;
  onChange: (l: LeverDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  planner: Planner;
}): React.ReactElement {
  const { t } = planner;
  const styles = useStyles();
  const lang = t("row") === "rij" ? "nl" : "en";
  const errors = checkLeverDraft(lever, lang);
  const label = `${t("lever")} ${index + 1}`;
  return (
    <li className={styles.lever} aria-label={label}>
      <Field label={label} validationMessage={errors.lever}>
        <Dropdown
          value={lever.lever}
          selectedOptions={[lever.lever]}
          onOptionSelect={(_, d) => onChange({ ...lever, lever: d.optionValue ?? lever.lever })}
        >
          {LEVER_NAMES.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("value")} hint={t("valueHelp")} validationMessage={errors.value}>
        <Input value={lever.value} onChange={(_, d) => onChange({ ...lever, value: d.value })} />
      </Field>
      <Field label={t("filter")} hint={t("filterHelp")} validationMessage={errors.filter}>
        <Input value={lever.filter} onChange={(_, d) => onChange({ ...lever, filter: d.value })} />
      </Field>
      {lever.lever === "Roemernorm" ? (
        <Field label={t("insource")} validationMessage={errors.insource}>
          <Input value={lever.insource} onChange={(_, d) => onChange({ ...lever, insource: d.value })} />
        </Field>
      ) : null}
      <div className={styles.row}>
        <Button
          size="small"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`${t("moveUp")}: ${label}`}
        >
          {t("moveUp")}
        </Button>
        <Button
          size="small"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`${t("moveDown")}: ${label}`}
        >
          {t("moveDown")}
        </Button>
        <Button size="small" onClick={onRemove} aria-label={`${t("removeLever")}: ${label}`}>
          {t("removeLever")}
        </Button>
      </div>
    </li>
  );
}

export function ScenariosPanel({ planner }: { planner: Planner }): React.ReactElement {
  const { state, t } = planner;
  const styles = useStyles();
  const drafts = state.drafts;
  const [selected, setSelected] = React.useState(0);
  const current = drafts[Math.min(selected, drafts.length - 1)] as ScenarioDraft | undefined;
  const index = current ? drafts.indexOf(current) : -1;
  const lang = t("row") === "rij" ? "nl" : "en";
  const problems = checkScenarioDrafts(drafts, lang);

  const update = (next: ScenarioDraft) => planner.setDrafts(drafts.map((d, i) => (i === index ? next : d)));
  const add = () => {
    const name = uniqueName(t("newScenario"), drafts);
    planner.setDrafts([...drafts, { name, levers: [emptyLever()] }]);
    setSelected(drafts.length);
  };
  const copy = () => {
    if (!current) return;
    const name = uniqueName(`${t("copyOf")} ${current.name}`, drafts);
    planner.setDrafts([...drafts, { name, levers: current.levers.map((l) => ({ ...l })) }]);
    setSelected(drafts.length);
  };
  const remove = () => {
    planner.setDrafts(drafts.filter((_, i) => i !== index));
    setSelected(Math.max(0, index - 1));
  };
  const setLever = (i: number, lever: LeverDraft) =>
    update({ ...current!, levers: current!.levers.map((l, j) => (j === i ? lever : l)) });
  const moveLever = (i: number, delta: number) => {
    const levers = [...current!.levers];
    const [l] = levers.splice(i, 1);
    levers.splice(i + delta, 0, l);
    update({ ...current!, levers });
  };

  return (
    <section aria-labelledby="scenarios-title">
      <Subtitle2 as="h2" id="scenarios-title">
        {t("scenarioList")}
      </Subtitle2>
      <div className={styles.row}>
        {drafts.length > 0 ? (
          <Field label={t("scenario")}>
            <Dropdown
              value={current?.name ?? ""}
              selectedOptions={current ? [String(index)] : []}
              onOptionSelect={(_, d) => setSelected(Number(d.optionValue))}
            >
              {drafts.map((d, i) => (
                <Option key={i} value={String(i)} text={d.name}>
                  {d.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : (
          <Text>{t("noScenarios")}</Text>
        )}
        <Button onClick={add}>{t("newScenario")}</Button>
        <Button onClick={copy} disabled={!current}>
          {t("copy")}
        </Button>
        <Button onClick={remove} disabled={!current}>
          {t("remove")}
        </Button>
      </div>
      {current ? (
        <>
          <Field label={t("name")}>
            <Input value={current.name} onChange={(_, d) => update({ ...current, name: d.value })} />
          </Field>
          <ul className={styles.levers}>
            {current.levers.map((l, i) => (
              <LeverEditor
                key={i}
                lever={l}
                index={i}
                count={current.levers.length}
                planner={planner}
                onChange={(next) => setLever(i, next)}
                onMove={(delta) => moveLever(i, delta)}
                onRemove={() => update({ ...current, levers: current.levers.filter((_, j) => j !== i) })}
              />
            ))}
          </ul>
          <div className={styles.row}>
            <Button onClick={() => update({ ...current, levers: [...current.levers, emptyLever()] })}>
              {t("addLever")}
            </Button>
          </div>
        </>
      ) : null}
      {problems.length > 0 && state.dirty ? (
        <ul className={styles.problems} aria-label={t("error")}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={
            !state.dirty ||
            problems.length > 0 ||
            !!state.busy ||
            current?.levers.some((l) => hasErrors(checkLeverDraft(l, lang)))
          }
          onClick={planner.saveScenarios}
        >
          {t("save")}
        </Button>
        {state.dirty ? <Text role="status">{t("unsaved")}</Text> : null}
      </div>
    </section>
  );
}
