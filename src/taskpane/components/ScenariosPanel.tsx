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
import { leverKindOf } from "../../model";
import {
  checkScenarioDrafts,
  hasErrors,
  uniqueName,
  type LeverDraft,
  type ScenarioDraft,
} from "../../model/scenarios";
import { leverLabel, type StringKey } from "../i18n";
import type { Planner } from "../usePlanner";
import { FilterBuilder } from "./FilterBuilder";
import { checkLever, leverFields, switchLever } from "./leverChecks";
import { formats } from "./text";

const useStyles = makeStyles({
  row: {
    display: "flex",
    columnGap: "8px",
    rowGap: "6px",
    flexWrap: "wrap",
    alignItems: "end",
    marginTop: "8px",
  },
  lever: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    marginTop: "8px",
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: "6px",
  },
  levers: { listStyleType: "none", padding: 0, margin: 0 },
  problems: { color: tokens.colorPaletteRedForeground1, paddingLeft: "20px" },
  wide: { minWidth: 0, width: "100%" },
  field: { minWidth: 0 },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

const emptyLever = (): LeverDraft => ({ lever: "Kaasschaaf", value: "auto", filter: "", insource: "" });

const VALUE_HELP: Record<string, StringKey> = {
  Kaasschaaf: "valueAuto",
  Overheadnorm: "valueNorm",
  Roemernorm: "valueNorm",
  Huisvestingsnorm: "valueHousing",
  Vacaturestop: "valueFreeze",
  "Gerichte korting": "valueCut",
  Optimaal: "optimalHelp",
};

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
  const { t, lang } = planner;
  const styles = useStyles();
  const f = formats(lang);
  const { errors, suggest } = checkLever(lever, lang, planner.selection);
  const fields = leverFields(lever);
  const kind = leverKindOf(lever.lever);
  const label = `${t("lever")} ${index + 1}`;
  const id = `lever-${index}`;
  const useSuggestion = (key: "value" | "insource", fraction: number) => (
    <Button size="small" onClick={() => onChange({ ...lever, [key]: f.fraction(fraction) })}>
      {t("useValue", { frac: f.fraction(fraction) })}
    </Button>
  );
  return (
    <li className={styles.lever} aria-label={label}>
      <Field label={label} validationMessage={errors.lever} className={styles.field}>
        <Dropdown
          className={styles.wide}
          value={leverLabel(lang, kind ?? lever.lever)}
          selectedOptions={[kind ?? lever.lever]}
          onOptionSelect={(_, d) => d.optionValue && onChange(switchLever(lever, d.optionValue))}
        >
          {LEVER_NAMES.map((name) => (
            <Option key={name} value={name} text={leverLabel(lang, name)}>
              {leverLabel(lang, name)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {fields.value ? (
        <Field
          label={t("value")}
          hint={kind ? t(VALUE_HELP[kind]) : undefined}
          validationMessage={errors.value}
          className={styles.field}
        >
          <Input
            className={styles.wide}
            value={lever.value}
            onChange={(_, d) => onChange({ ...lever, value: d.value })}
          />
        </Field>
      ) : (
        <Text size={200}>{t("optimalHelp")}</Text>
      )}
      {suggest.value !== undefined ? <div>{useSuggestion("value", suggest.value)}</div> : null}
      {fields.filter ? (
        <FilterBuilder
          id={id}
          filter={lever.filter}
          error={errors.filter}
          selection={planner.selection}
          planner={planner}
          onChange={(filter) => onChange({ ...lever, filter })}
        />
      ) : null}
      {fields.insource ? (
        <Field
          label={t("insource")}
          hint={t("insourceHelp")}
          validationMessage={errors.insource}
          className={styles.field}
        >
          <Input
            className={styles.wide}
            value={lever.insource}
            onChange={(_, d) => onChange({ ...lever, insource: d.value })}
          />
        </Field>
      ) : null}
      {suggest.insource !== undefined ? <div>{useSuggestion("insource", suggest.insource)}</div> : null}
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
  const { state, t, lang } = planner;
  const styles = useStyles();
  const drafts = state.drafts;
  const [selected, setSelected] = React.useState(0);
  const current = drafts[Math.min(selected, drafts.length - 1)] as ScenarioDraft | undefined;
  const index = current ? drafts.indexOf(current) : -1;
  const unsaved = new Set(planner.unsaved);
  const mark = (name: string) => (unsaved.has(name) ? ` (${t("unsavedMark")})` : "");
  // The reader's checks plus the editor's own (percent meant, filter selecting nothing), per lever.
  const problems = [
    ...checkScenarioDrafts(drafts, lang).filter((p) => !drafts.some((d) => p.startsWith(`${d.name}, `))),
    ...drafts.flatMap((d) =>
      d.levers.flatMap((l, i) =>
        Object.values(checkLever(l, lang, planner.selection).errors)
          .filter(Boolean)
          .map((m) => `${d.name}, ${t("lever").toLowerCase()} ${i + 1}: ${m}`),
      ),
    ),
  ];

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
      {drafts.length > 0 ? (
        <Field label={t("scenario")} className={styles.field}>
          <Dropdown
            className={styles.wide}
            value={current ? `${current.name}${mark(current.name)}` : ""}
            selectedOptions={current ? [String(index)] : []}
            onOptionSelect={(_, d) => setSelected(Number(d.optionValue))}
          >
            {drafts.map((d, i) => (
              <Option key={i} value={String(i)} text={`${d.name}${mark(d.name)}`}>
                {`${d.name}${mark(d.name)}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Text>{t("noScenarios")}</Text>
      )}
      <div className={styles.row}>
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
          <Field label={t("name")} className={styles.field}>
            <Input
              className={styles.wide}
              value={current.name}
              onChange={(_, d) => update({ ...current, name: d.value })}
            />
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
        <ul className={styles.problems} aria-label={t("error")} data-testid="problems">
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
            drafts.some((d) => d.levers.some((l) => hasErrors(checkLever(l, lang, planner.selection).errors)))
          }
          onClick={planner.saveScenarios}
        >
          {t("save")}
        </Button>
        {state.dirty ? (
          <Text role="status" className={styles.unsaved}>
            {t("unsaved")}
            {planner.unsaved.length ? `: ${planner.unsaved.join(", ")}` : ""}
          </Text>
        ) : null}
      </div>
    </section>
  );
}
