/**
 * The checks a filter passes before it is used: mistakes people make when they write it the way they would
 * in Excel, JavaScript or Dutch (found before mathjs parses, with the fix in Dutch and English), and the
 * whitelist and types of every node, so that whatever passes gives yes or no for every row.
 */
import type { MathNode } from "mathjs";

export const FILTER_FIELDS = ["eenheid", "functiegroep", "schaal", "fte"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const ALLOWED_FUNCTIONS = new Set(["abs", "round", "floor", "ceil", "min", "max", "mod", "sign"]);
export const ALLOWED_OPERATORS = new Set([
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
export const DISABLED = [
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
export const MAX_FILTER_LENGTH = 500;

export class FilterError extends Error {
  constructor(
    public readonly messageNl: string,
    public readonly messageEn: string,
  ) {
    super(messageEn);
  }
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

export type FilterType = "bool" | "number" | "text";

/** A parsed filter node with the optional parts of mathjs' node kinds that checking and evaluating read. */
export type FilterNode = MathNode & {
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
export const TYPE_NL: Record<FilterType, string> = { bool: "ja/nee", number: "getal", text: "tekst" };
export const TYPE_EN: Record<FilterType, string> = { bool: "yes/no", number: "number", text: "text" };
const FIELD_TYPES: Record<FilterField, FilterType> = {
  eenheid: "text",
  functiegroep: "text",
  schaal: "number",
  fte: "number",
};
const MAX_DEPTH = 40;
export const EXAMPLE = 'functiegroep == "Bedrijfsvoering" and schaal >= 11';

export function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

export function fail(nl: string, en: string): never {
  throw new FilterError(nl, en);
}

/**
 * Mistakes people make when they write a filter the way they would write Excel, JavaScript or Dutch,
 * found before mathjs parses (its own messages are not for users). Text inside quotes is skipped.
 */
export function precheck(source: string): void {
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
export function typeOf(node: MathNode, fields: Set<FilterField>, depth = 0): FilterType {
  if (depth > 2 * MAX_DEPTH) fail(`Filter is te diep genest.`, `Filter is nested too deeply.`);
  const n = node as FilterNode;
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
