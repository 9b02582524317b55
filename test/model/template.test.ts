/** The template in Dutch and English: every English header binds to its column, lists and messages fit Excel. */
import { readPlan } from "../../src/model";
import { functionGroupIndex } from "../../src/model/groups";
import { TABLES, type TableName } from "../../src/model/schema";
import {
  TEMPLATE_GROUPS,
  templateHeaders,
  templateList,
  templatePrompt,
  templateRows,
  type TemplateLanguage,
} from "../../src/model/template";

type Tables = Record<string, unknown[][]>;

function template(lang: TemplateLanguage, examples = true): Tables {
  const out: Tables = {};
  for (const t of TABLES)
    out[t.name] = [templateHeaders(t.name, lang), ...templateRows(t.name, examples, lang)];
  return out;
}

/** The same table with its columns in reverse order, so that only the header names can bind them. */
function reversed(rows: unknown[][]): unknown[][] {
  return rows.map((r) => [...r].reverse());
}

test("every English header binds to the same column as its Dutch header", () => {
  const dutch = template("nl");
  const mixed: Tables = {};
  for (const t of TABLES) {
    const [, ...data] = dutch[t.name];
    // Dutch data under the English headers, columns reversed: a header bound to the wrong column shows.
    mixed[t.name] = reversed([templateHeaders(t.name, "en"), ...data]);
  }
  const a = readPlan(dutch);
  const b = readPlan(mixed);
  expect(a.issues).toEqual([]);
  expect(b.issues).toEqual([]);
  expect(b.plan).toEqual(a.plan);
});

test("the English template with examples is a valid plan: English groups, yes/no and parameter names read", () => {
  const { plan, issues } = readPlan(template("en"));
  expect(issues).toEqual([]);
  const dutch = readPlan(template("nl")).plan!;
  expect(Array.from(plan!.formation.group)).toEqual(Array.from(dutch.formation.group));
  expect(Array.from(plan!.formation.protectedRow)).toEqual(Array.from(dutch.formation.protectedRow));
  expect(plan!.params).toEqual(dutch.params);
  expect(plan!.scenarios.map((s) => s.name)).toEqual(["Cheese-slicer auto", "Overhead to 35%"]);
  expect(plan!.scenarios.map((s) => s.levers[0].kind)).toEqual(["Kaasschaaf", "Overheadnorm"]);
  expect(templateHeaders("Formatie", "en")).toEqual([
    "Unit",
    "Group",
    "Scale",
    "FTE",
    "Cost per FTE",
    "Protected",
  ]);
  expect(templateRows("Parameters", false, "en")[0]).toEqual(["Base year", null]);
});

test("the lists: English group names and yes/no mean what the Dutch ones mean; levers stay Dutch", () => {
  expect(TEMPLATE_GROUPS.en.map(functionGroupIndex)).toEqual(TEMPLATE_GROUPS.nl.map(functionGroupIndex));
  const formatie = TABLES.find((t) => t.name === "Formatie")!;
  const group = formatie.columns.find((c) => c.key === "group")!;
  const protectedColumn = formatie.columns.find((c) => c.key === "protected")!;
  expect(templateList(group, "en")).toEqual(["Primary", "Operations", "Management"]);
  expect(templateList(protectedColumn, "en")).toEqual(["yes", "no"]);
  const lever = TABLES.find((t) => t.name === "Scenarios")!.columns.find((c) => c.key === "lever")!;
  expect(templateList(lever, "en")).toEqual(templateList(lever, "nl"));
});

test("every column has an input message in both languages within Excel's limits (title 32, message 255)", () => {
  for (const t of TABLES)
    for (const c of t.columns)
      for (const lang of ["nl", "en"] as const) {
        const p = templatePrompt(t.name as TableName, c, lang);
        expect({ column: `${t.name}.${c.key}`, ok: !!p }).toEqual({ column: `${t.name}.${c.key}`, ok: true });
        expect(p!.title.length).toBeLessThanOrEqual(32);
        expect(p!.message.length).toBeLessThanOrEqual(255);
      }
});
