/**
 * The filter without programming: pick units, function groups and a scale range from the workbook's
 * values; the pane shows live how many rows and FTE that selects. The expression field stays for experts.
 * Both edit the same Filter text.
 */
import * as React from "react";
import { Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  choicesFromFilter,
  countSelection,
  filterFromChoices,
  filterOptions,
  sameText,
  type FilterChoices,
  selectionTotals,
  type SelectionRows,
} from "../../model/filter-selection";
import type { Planner } from "../usePlanner";
import { formats, plural } from "./text";

const useStyles = makeStyles({
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px 8px",
    margin: 0,
    display: "grid",
    rowGap: "6px",
    minWidth: 0,
  },
  legend: { padding: "0 4px", fontWeight: tokens.fontWeightSemibold },
  scales: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: "8px" },
  wide: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function FilterBuilder({
  id,
  filter,
  error,
  selection,
  onChange,
  planner,
}: {
  id: string;
  filter: string;
  error?: string;
  selection: SelectionRows;
  onChange: (filter: string) => void;
  planner: Planner;
}): React.ReactElement {
  const { t, lang } = planner;
  const styles = useStyles();
  const f = formats(lang);
  const options = React.useMemo(() => filterOptions(selection), [selection]);
  const parsed = choicesFromFilter(filter);
  const choices: FilterChoices = parsed ?? { units: [], groups: [], scaleMin: null, scaleMax: null };
  // Picked values in the workbook's spelling, so the drop-downs show them selected.
  const canonical = (picked: string[], all: string[]) =>
    picked.map((p) => all.find((a) => sameText(a, p)) ?? p);
  const units = canonical(choices.units, options.units);
  const groups = canonical(choices.groups, options.groups);
  // Picked values in the workbook's order, so the same choice always writes the same text.
  const ordered = (picked: string[], all: string[]) =>
    [...picked].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const set = (next: Partial<FilterChoices>) => onChange(filterFromChoices({ ...choices, ...next }));
  const count = React.useMemo(() => countSelection(filter, selection), [filter, selection]);
  const total = React.useMemo(() => selectionTotals(selection), [selection]);
  const listText = (picked: string[]) => (picked.length ? picked.join(", ") : t("all"));
  const scaleOption = (v: number | null) => (v === null ? "" : String(v));

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t("filterBuilder")}</legend>
      <Field label={t("units")}>
        <Dropdown
          className={styles.wide}
          multiselect
          value={listText(units)}
          selectedOptions={units}
          onOptionSelect={(_, d) => set({ units: ordered(d.selectedOptions, options.units) })}
        >
          {options.units.map((u) => (
            <Option key={u} value={u}>
              {u}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("groups")}>
        <Dropdown
          className={styles.wide}
          multiselect
          value={listText(groups)}
          selectedOptions={groups}
          onOptionSelect={(_, d) => set({ groups: ordered(d.selectedOptions, options.groups) })}
        >
          {options.groups.map((g) => (
            <Option key={g} value={g}>
              {g}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.scales}>
        {(["scaleMin", "scaleMax"] as const).map((key) => (
          <Field key={key} label={t(key === "scaleMin" ? "scaleFrom" : "scaleTo")}>
            <Dropdown
              className={styles.wide}
              value={choices[key] === null ? t("anyScale") : String(choices[key])}
              selectedOptions={[scaleOption(choices[key])]}
              onOptionSelect={(_, d) => set({ [key]: d.optionValue ? Number(d.optionValue) : null })}
            >
              <Option value="" text={t("anyScale")}>
                {t("anyScale")}
              </Option>
              {options.scales.map((s) => (
                <Option key={s} value={String(s)}>
                  {String(s)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ))}
      </div>
      {parsed === null ? (
        <Text size={200} className={styles.muted}>
          {t("handWritten")}
        </Text>
      ) : null}
      <Text role="status" aria-live="polite" data-testid={`${id}-count`}>
        {"error" in count
          ? ""
          : `${t("selects")} ${f.count(count.rows)} ${t("of")} ${plural(lang, total.rows, t("rowOne"), t("rows"))}, ${f.fte(count.fte)} ${t("of")} ${f.fte(total.fte)} FTE.`}
      </Text>
      <Field label={t("expression")} hint={t("filterHelp")} validationMessage={error}>
        <Input className={styles.wide} value={filter} onChange={(_, d) => onChange(d.value)} />
      </Field>
    </fieldset>
  );
}
