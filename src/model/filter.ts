/**
 * Row filters of the Scenarios table, e.g. `functiegroep == "Bedrijfsvoering" and schaal >= 11`.
 *
 * Evaluated with mathjs inside a sandbox: the expression is parsed by a private mathjs instance whose
 * dangerous functions (import, createUnit, evaluate, parse, simplify, derivative, resolve, ...) are
 * replaced by functions that throw, and the parsed tree is checked against a whitelist before it is
 * compiled: only the row fields, constants, comparison, logic and arithmetic operators and a few pure
 * functions may appear. Property access, assignment, function definitions, objects, matrices and
 * any other symbol are refused with a message that says what is wrong.
 */
import { create, all, type MathNode } from "mathjs";
import { FUNCTION_GROUPS, type Formation } from "./types";
import { normalizeName } from "./text";

export const FILTER_FIELDS = ["eenheid", "functiegroep", "schaal", "fte"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const ALLOWED_FUNCTIONS = new Set(["abs", "round", "floor", "ceil", "min", "max", "mod", "sign"]);
const ALLOWED_OPERATORS = new Set([
  "and",
  "or",
  "xor",
  "not",
  "==",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "mod",
]);
const DISABLED = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "simplify",
  "derivative",
  "resolve",
  "compile",
  "reviver",
  "replacer",
];
const MAX_FILTER_LENGTH = 500;

const math = create(all);
const parseExpression = math.parse;
const groupAliases = new Map<string, string>([
  ["primary", "primair"],
  ["operations", "bedrijfsvoering"],
  ["management", "lijnmanagement"],
]);
function canonicalText(value: unknown): string {
  const n = normalizeName(value);
  return groupAliases.get(n) ?? n;
}
// Text comparison for == and != on text (mathjs' own `equal` converts strings to numbers). Case- and
// accent-insensitive, and the English group names match the Dutch ones.
function fpTextEqual(a: unknown, b: unknown): boolean {
  return canonicalText(a) === canonicalText(b);
}
const disabledFunctions: Record<string, () => never> = {};
for (const name of DISABLED) {
  disabledFunctions[name] = () => {
    throw new Error(`Function ${name} is disabled`);
  };
}
math.import({ ...disabledFunctions, fpTextEqual }, { override: true });

export class FilterError extends Error {
  constructor(
    public readonly messageNl: string,
    public readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

export interface CompiledFilter {
  text: string;
  fields: FilterField[];
  evaluate: (row: Record<FilterField, string | number>) => boolean;
}

const NODE_NAMES: Record<string, [string, string]> = {
  AccessorNode: ['toegang tot eigenschappen (a.b of a["b"])', 'property access (a.b or a["b"])'],
  AssignmentNode: ["toewijzing (=); vergelijken is ==", "assignment (=); comparing is =="],
  FunctionAssignmentNode: ["het definiëren van een functie", "defining a function"],
  ObjectNode: ["objecten ({...})", "objects ({...})"],
  ArrayNode: ["lijsten ([...])", "lists ([...])"],
  IndexNode: ["indexering ([...])", "indexing ([...])"],
  BlockNode: ["meerdere uitdrukkingen (; of regeleinde)", "several expressions (; or a line break)"],
  RangeNode: ["bereiken (a:b)", "ranges (a:b)"],
  RelationalNode: [
    "ketens van vergelijkingen (a < b < c); schrijf a < b and b < c",
    "chained comparisons (a < b < c); write a < b and b < c",
  ],
};

type FilterType = "bool" | "number" | "text";
const TYPE_NL: Record<FilterType, string> = { bool: "ja/nee", number: "getal", text: "tekst" };
const TYPE_EN: Record<FilterType, string> = { bool: "yes/no", number: "number", text: "text" };
const FIELD_TYPES: Record<FilterField, FilterType> = {
  eenheid: "text",
  functiegroep: "text",
  schaal: "number",
  fte: "number",
};
const MAX_DEPTH = 40;
const EXAMPLE = 'functiegroep == "Bedrijfsvoering" and schaal >= 11';

function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function fail(nl: string, en: string): never {
  throw new FilterError(nl, en);
}

/**
 * Mistakes people make when they write a filter the way they would write Excel, JavaScript or Dutch,
 * found before mathjs parses (its own messages are not for users). Text inside quotes is skipped.
 */
function precheck(source: string): void {
  let code = "";
  let quote: string | null = null;
  for (const ch of source) {
    if (quote) {
      if (ch === quote) quote = null;
      code += ch === quote || quote === null ? ch : " ";
    } else {
      if (ch === '"' || ch === "'") quote = ch;
      code += ch;
    }
  }
  if (quote)
    fail(
      `Een aanhalingsteken (${quote}) wordt niet gesloten; zet tekst tussen twee aanhalingstekens, bijvoorbeeld "Bedrijfsvoering".`,
      `A quote (${quote}) is not closed; put text between two quotes, e.g. "Bedrijfsvoering".`,
    );
  const hints: [RegExp, string, string][] = [
    [/&&|(^|[^&])&($|[^&])/, "&&", "and"],
    [/\|\|?/, "||", "or"],
    [/(^|[^a-z_])en($|[^a-z_0-9])/i, "en", "and"],
    [/(^|[^a-z_])of($|[^a-z_0-9])/i, "of", "or"],
    [/(^|[^a-z_])niet($|[^a-z_0-9])/i, "niet", "not"],
    [/!(?!=)/, "!", "not"],
    [/<>/, "<>", "!="],
  ];
  for (const [pattern, wrong, right] of hints) {
    if (pattern.test(code))
      fail(
        `Schrijf '${right}' in plaats van '${wrong}', bijvoorbeeld: ${EXAMPLE}.`,
        `Write '${right}' instead of '${wrong}', e.g. ${EXAMPLE}.`,
      );
  }
  if (/(^|[^=!<>])=($|[^=])/.test(code))
    fail(
      `Vergelijken schrijf je met == (twee isgelijktekens), bijvoorbeeld: functiegroep == "Primair".`,
      `Compare with == (two equals signs), e.g. functiegroep == "Primair".`,
    );
  let depth = 0;
  let deepest = 0;
  let open = 0;
  let close = 0;
  for (const ch of code) {
    if (ch === "(") {
      open++;
      deepest = Math.max(deepest, ++depth);
    } else if (ch === ")") {
      close++;
      if (--depth < 0)
        fail(
          `Haakjes kloppen niet: er staat een ')' zonder bijbehorende '('.`,
          `Unbalanced parentheses: a ')' without a matching '('.`,
        );
    }
  }
  if (open !== close)
    fail(
      `Haakjes kloppen niet: ${open} keer '(' en ${close} keer ')'.`,
      `Unbalanced parentheses: ${open} '(' and ${close} ')'.`,
    );
  if (deepest > MAX_DEPTH)
    fail(
      `Filter is te diep genest (meer dan ${MAX_DEPTH} haakjes in elkaar).`,
      `Filter is nested too deeply (more than ${MAX_DEPTH} levels of parentheses).`,
    );
}

/**
 * Checks a node against the whitelist and works out its type, so that a filter that passes here can be
 * evaluated for every row: fields have known types, operators and functions take only what they can use.
 */
function typeOf(node: MathNode, fields: Set<FilterField>, depth = 0): FilterType {
  if (depth > 2 * MAX_DEPTH) fail(`Filter is te diep genest.`, `Filter is nested too deeply.`);
  const n = node as MathNode & {
    name?: string;
    op?: string;
    fn?: MathNode & { name?: string };
    value?: unknown;
    args?: MathNode[];
    content?: MathNode;
    condition?: MathNode;
    trueExpr?: MathNode;
    falseExpr?: MathNode;
  };
  const sub = (child: MathNode) => typeOf(child, fields, depth + 1);
  const need = (child: MathNode, types: FilterType[], what: string, whatEn: string): FilterType => {
    const t = sub(child);
    if (!types.includes(t))
      fail(
        `${what} vraagt ${types.map((x) => TYPE_NL[x]).join(" of ")}, maar '${short(child.toString())}' is ${TYPE_NL[t]}.`,
        `${whatEn} needs ${types.map((x) => TYPE_EN[x]).join(" or ")}, but '${short(child.toString())}' is ${TYPE_EN[t]}.`,
      );
    return t;
  };
  switch (node.type) {
    case "ParenthesisNode":
      return sub(n.content!);
    case "ConstantNode":
      if (typeof n.value === "number") return "number";
      if (typeof n.value === "string") return "text";
      if (typeof n.value === "boolean") return "bool";
      return fail(`Onbekende waarde in filter.`, `Unknown value in filter.`);
    case "SymbolNode": {
      const name = n.name ?? "";
      if ((FILTER_FIELDS as readonly string[]).includes(name)) {
        fields.add(name as FilterField);
        return FIELD_TYPES[name as FilterField];
      }
      if (name === "true" || name === "false") return "bool";
      return fail(
        `Onbekend veld '${short(name)}' in filter; toegestaan zijn: ${FILTER_FIELDS.join(", ")}. Zet tekst tussen aanhalingstekens, bijvoorbeeld eenheid == "${short(name)}".`,
        `Unknown field '${short(name)}' in filter; allowed are: ${FILTER_FIELDS.join(", ")}. Put text in quotes, e.g. eenheid == "${short(name)}".`,
      );
    }
    case "ConditionalNode": {
      need(n.condition!, ["bool"], "De voorwaarde van ? :", "The condition of ? :");
      const a = sub(n.trueExpr!);
      const b = sub(n.falseExpr!);
      if (a !== b)
        fail(
          `Beide uitkomsten van ? : moeten van dezelfde soort zijn (${TYPE_NL[a]} en ${TYPE_NL[b]}).`,
          `Both outcomes of ? : must be of the same kind (${TYPE_EN[a]} and ${TYPE_EN[b]}).`,
        );
      return a;
    }
    case "OperatorNode": {
      const op = n.op ?? "";
      const args = n.args ?? [];
      if (args.length === 1) {
        if (op === "-" || op === "+") {
          need(args[0], ["number"], `'${op}'`, `'${op}'`);
          return "number";
        }
        if (op === "not") {
          need(args[0], ["bool"], "'not'", "'not'");
          return "bool";
        }
      }
      if (!ALLOWED_OPERATORS.has(op) || args.length !== 2)
        fail(
          `Operator '${op}' is niet toegestaan in een filter.`,
          `Operator '${op}' is not allowed in a filter.`,
        );
      if (op === "and" || op === "or" || op === "xor") {
        for (const a of args) need(a, ["bool"], `'${op}'`, `'${op}'`);
        return "bool";
      }
      if (op === "==" || op === "!=") {
        const a = sub(args[0]);
        const b = sub(args[1]);
        if (a !== b)
          fail(
            `'${op}' vergelijkt ${TYPE_NL[a]} met ${TYPE_NL[b]}: '${short(node.toString())}' is nooit waar. Tekst staat tussen aanhalingstekens, getallen niet.`,
            `'${op}' compares ${TYPE_EN[a]} with ${TYPE_EN[b]}: '${short(node.toString())}' is never true. Text goes in quotes, numbers do not.`,
          );
        return "bool";
      }
      if (["<", ">", "<=", ">="].includes(op)) {
        for (const a of args)
          if (sub(a) === "text")
            fail(
              `Tekst kan alleen met == of != worden vergeleken (operator '${op}').`,
              `Text can only be compared with == or != (operator '${op}').`,
            );
        for (const a of args) need(a, ["number"], `'${op}'`, `'${op}'`);
        return "bool";
      }
      for (const a of args) need(a, ["number"], `'${op}'`, `'${op}'`);
      return "number";
    }
    case "FunctionNode": {
      const fn = n.fn;
      const name = fn && fn.type === "SymbolNode" ? (fn.name ?? "") : "";
      if (!ALLOWED_FUNCTIONS.has(name))
        fail(
          `Functie '${short(name || String(fn?.toString()))}' is niet toegestaan in een filter; toegestaan zijn: ${[...ALLOWED_FUNCTIONS].join(", ")}.`,
          `Function '${short(name || String(fn?.toString()))}' is not allowed in a filter; allowed are: ${[...ALLOWED_FUNCTIONS].join(", ")}.`,
        );
      const args = n.args ?? [];
      const arity: Record<string, [number, number]> = {
        abs: [1, 1],
        floor: [1, 1],
        ceil: [1, 1],
        sign: [1, 1],
        round: [1, 2],
        mod: [2, 2],
        min: [1, 20],
        max: [1, 20],
      };
      const [lo, hi] = arity[name];
      if (args.length < lo || args.length > hi)
        fail(
          `${name} vraagt ${lo === hi ? lo : `${lo} tot ${hi}`} getal(len), niet ${args.length}.`,
          `${name} takes ${lo === hi ? lo : `${lo} to ${hi}`} number(s), not ${args.length}.`,
        );
      for (const a of args) need(a, ["number"], name, name);
      if (name === "round" && args.length === 2) {
        const digits = args[1] as MathNode & { value?: unknown };
        if (
          digits.type !== "ConstantNode" ||
          typeof digits.value !== "number" ||
          !Number.isInteger(digits.value) ||
          digits.value < 0 ||
          digits.value > 15
        )
          fail(
            `round(x, n): n is een vast geheel getal van 0 tot 15.`,
            `round(x, n): n is a fixed whole number from 0 to 15.`,
          );
      }
      return "number";
    }
    default: {
      const [nl, en] = NODE_NAMES[node.type] ?? ["deze constructie", "this construct"];
      return fail(`Niet toegestaan in een filter: ${nl}.`, `Not allowed in a filter: ${en}.`);
    }
  }
}

/** Checks a filter against the whitelist and its types and compiles it; throws FilterError (Dutch and English). */
export function compileFilter(text: string): CompiledFilter | null {
  const source = text.trim();
  if (source === "") return null;
  if (source.length > MAX_FILTER_LENGTH) {
    throw new FilterError(
      `Filter is te lang (meer dan ${MAX_FILTER_LENGTH} tekens).`,
      `Filter is too long (more than ${MAX_FILTER_LENGTH} characters).`,
    );
  }
  try {
    return compileChecked(source);
  } catch (e) {
    if (e instanceof FilterError) throw e;
    // Never a library's message (or a stack overflow) to the user.
    throw new FilterError(
      `Filter is geen geldige uitdrukking. Schrijf bijvoorbeeld: ${EXAMPLE}.`,
      `Filter is not a valid expression. Write for example: ${EXAMPLE}.`,
    );
  }
}

function compileChecked(source: string): CompiledFilter {
  precheck(source);
  let root: MathNode;
  try {
    root = parseExpression(source);
  } catch (e) {
    const at = /char (\d+)/.exec((e as Error).message)?.[1];
    throw new FilterError(
      `Filter is geen geldige uitdrukking${at ? ` (bij teken ${at})` : ""}. Schrijf bijvoorbeeld: ${EXAMPLE}.`,
      `Filter is not a valid expression${at ? ` (at character ${at})` : ""}. Write for example: ${EXAMPLE}.`,
    );
  }
  const fields = new Set<FilterField>();
  const type = typeOf(root, fields);
  if (type !== "bool")
    fail(
      `Een filter moet ja of nee geven voor elke rij, maar '${short(source)}' geeft ${TYPE_NL[type] === "getal" ? "een getal" : "tekst"}. Gebruik een vergelijking, bijvoorbeeld schaal >= 11.`,
      `A filter must give yes or no for every row, but '${short(source)}' gives ${TYPE_EN[type] === "number" ? "a number" : "text"}. Use a comparison, e.g. schaal >= 11.`,
    );

  const evaluate = toClosure(root);
  return {
    text: source,
    fields: [...fields],
    evaluate(row) {
      return evaluate(row) === true;
    },
  };
}

type Row = Record<FilterField, string | number>;
type Value = string | number | boolean;

// mathjs compares numbers with a tolerance (relTol 1e-12, absTol 1e-15); the closures keep its meaning.
function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  return diff <= 1e-15 || diff <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}
function roundTo(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const r = Math.round(Math.abs(x) * f) / f;
  return x < 0 ? -r : r;
}
const NUMBER_FUNCTIONS: Record<string, (...a: number[]) => number> = {
  abs: Math.abs,
  sign: Math.sign,
  floor: (x) => (nearlyEqual(x, Math.round(x)) ? Math.round(x) : Math.floor(x)),
  ceil: (x) => (nearlyEqual(x, Math.round(x)) ? Math.round(x) : Math.ceil(x)),
  round: (x, d = 0) => roundTo(x, d),
  mod: (x, y) => (y === 0 ? x : x - y * Math.floor(x / y)),
  min: (...a) => Math.min(...a),
  max: (...a) => Math.max(...a),
};

/**
 * The type-checked tree as plain closures: no code is generated from text, and evaluating a row costs
 * about a microsecond where mathjs' evaluate took a hundred (a filter on fte visits every row).
 */
function toClosure(node: MathNode): (row: Row) => Value {
  const n = node as MathNode & {
    name?: string;
    op?: string;
    fn?: MathNode & { name?: string };
    value?: unknown;
    args?: MathNode[];
    content?: MathNode;
    condition?: MathNode;
    trueExpr?: MathNode;
    falseExpr?: MathNode;
  };
  switch (node.type) {
    case "ParenthesisNode":
      return toClosure(n.content!);
    case "ConstantNode": {
      const v = n.value as Value;
      return () => v;
    }
    case "SymbolNode": {
      const name = n.name as string;
      if (name === "true") return () => true;
      if (name === "false") return () => false;
      return (row) => row[name as FilterField];
    }
    case "ConditionalNode": {
      const c = toClosure(n.condition!);
      const a = toClosure(n.trueExpr!);
      const b = toClosure(n.falseExpr!);
      return (row) => (c(row) === true ? a(row) : b(row));
    }
    case "FunctionNode": {
      const f = NUMBER_FUNCTIONS[(n.fn as MathNode & { name: string }).name];
      const args = n.args!.map(toClosure);
      if (args.length === 1) {
        const [a] = args;
        return (row) => f(a(row) as number);
      }
      if (args.length === 2) {
        const [a, b] = args;
        return (row) => f(a(row) as number, b(row) as number);
      }
      return (row) => f(...args.map((a) => a(row) as number));
    }
    case "OperatorNode": {
      const args = n.args!.map(toClosure);
      const [a, b] = args;
      if (args.length === 1) {
        if (n.op === "not") return (row) => !a(row);
        if (n.op === "-") return (row) => -(a(row) as number);
        return a;
      }
      const text = typeOf(n.args![0], new Set()) === "text";
      const num = (f: (x: number, y: number) => Value) => (row: Row) => f(a(row) as number, b(row) as number);
      switch (n.op) {
        case "and":
          return (row) => a(row) === true && b(row) === true;
        case "or":
          return (row) => a(row) === true || b(row) === true;
        case "xor":
          return (row) => (a(row) === true) !== (b(row) === true);
        case "==":
        case "!=": {
          // Text: case- and accent-insensitive, English group names equal to Dutch ones.
          const eq = text
            ? (row: Row) => fpTextEqual(a(row), b(row))
            : (row: Row) => {
                const x = a(row);
                const y = b(row);
                return typeof x === "number" ? nearlyEqual(x, y as number) : x === y;
              };
          return n.op === "==" ? eq : (row) => !eq(row);
        }
        case "<":
          return num((x, y) => x < y && !nearlyEqual(x, y));
        case ">":
          return num((x, y) => x > y && !nearlyEqual(x, y));
        case "<=":
          return num((x, y) => x <= y || nearlyEqual(x, y));
        case ">=":
          return num((x, y) => x >= y || nearlyEqual(x, y));
        case "+":
          return num((x, y) => x + y);
        case "-":
          return num((x, y) => x - y);
        case "*":
          return num((x, y) => x * y);
        case "/":
          return num((x, y) => x / y);
        case "mod":
          return num(NUMBER_FUNCTIONS.mod);
      }
    }
  }
  // typeOf has refused everything else before this point.
  throw new FilterError("Filter kan niet worden gebruikt.", "Filter cannot be used.");
}

/** How many formation rows a filter selects (protected rows included); for warnings and the pane. */
export function countFilterMatches(filter: CompiledFilter | null, formation: Formation): number {
  const mask = filterMask(filter, formation);
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

export function groupName(group: number): string {
  return FUNCTION_GROUPS[group] ?? "";
}

/**
 * Evaluates a filter over formation rows [from, to). Without fte, results are cached per distinct
 * combination of unit, group and scale, so 150,000 rows cost a few hundred evaluations.
 */
export function filterMask(
  filter: CompiledFilter | null,
  formation: Formation,
  from = 0,
  to = formation.length,
): Uint8Array {
  const mask = new Uint8Array(to - from);
  if (!filter) {
    mask.fill(1);
    return mask;
  }
  const evaluateRow = (r: number): number =>
    filter.evaluate({
      eenheid: formation.unitNames[formation.unit[r]],
      functiegroep: groupName(formation.group[r]),
      schaal: formation.scale[r],
      fte: formation.fte[r],
    })
      ? 1
      : 0;
  if (filter.fields.includes("fte")) {
    // fte takes as many values as there are rows: evaluate each row (the closures are cheap).
    const row = { eenheid: "", functiegroep: "", schaal: 0, fte: 0 };
    for (let r = from; r < to; r++) {
      row.eenheid = formation.unitNames[formation.unit[r]];
      row.functiegroep = groupName(formation.group[r]);
      row.schaal = formation.scale[r];
      row.fte = formation.fte[r];
      mask[r - from] = filter.evaluate(row) ? 1 : 0;
    }
    return mask;
  }
  // Unit, group and scale take few distinct values: one evaluation per combination (-1 = not yet known).
  const cache = new Int8Array(formation.unitNames.length * 4 * 32).fill(-1);
  for (let r = from; r < to; r++) {
    const key = (formation.unit[r] * 4 + formation.group[r]) * 32 + formation.scale[r];
    let hit = cache[key];
    if (hit < 0) cache[key] = hit = evaluateRow(r);
    mask[r - from] = hit;
  }
  return mask;
}
