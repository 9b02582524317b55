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
import { create, all, type MathNode, type EvalFunction } from "mathjs";
import { FUNCTION_GROUPS, type Formation } from "./types";
import { normalizeName } from "./text";

export const FILTER_FIELDS = ["eenheid", "functiegroep", "schaal", "fte"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
const TEXT_FIELDS = new Set<string>(["eenheid", "functiegroep"]);

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

const NODE_NAMES_NL: Record<string, string> = {
  AccessorNode: 'toegang tot eigenschappen (a.b of a["b"])',
  AssignmentNode: "toewijzing (=)",
  FunctionAssignmentNode: "het definiëren van een functie",
  ObjectNode: "objecten ({...})",
  ArrayNode: "lijsten ([...])",
  IndexNode: "indexering ([...])",
  BlockNode: "meerdere uitdrukkingen (; of regeleinde)",
  RangeNode: "bereiken (a:b)",
  RelationalNode: "ketens van vergelijkingen (a < b < c)",
};

function isTextNode(node: MathNode): boolean {
  const n = node as MathNode & { value?: unknown; name?: string };
  if (node.type === "ConstantNode") return typeof n.value === "string";
  if (node.type === "SymbolNode") return TEXT_FIELDS.has(n.name ?? "");
  if (node.type === "ParenthesisNode") return isTextNode((node as unknown as { content: MathNode }).content);
  return false;
}

/** Checks a filter against the whitelist and compiles it; throws FilterError with a Dutch and English message. */
export function compileFilter(text: string): CompiledFilter | null {
  const source = text.trim();
  if (source === "") return null;
  if (source.length > MAX_FILTER_LENGTH) {
    throw new FilterError(
      `Filter is te lang (meer dan ${MAX_FILTER_LENGTH} tekens).`,
      `Filter is too long (more than ${MAX_FILTER_LENGTH} characters).`,
    );
  }
  let root: MathNode;
  try {
    root = parseExpression(source);
  } catch (e) {
    throw new FilterError(
      `Filter is geen geldige uitdrukking: ${(e as Error).message}.`,
      `Filter does not parse: ${(e as Error).message}.`,
    );
  }
  const fields = new Set<FilterField>();
  root.traverse((node, _path, parent) => {
    const n = node as MathNode & {
      name?: string;
      op?: string;
      fn?: MathNode & { name?: string };
      value?: unknown;
    };
    switch (node.type) {
      case "ConstantNode":
      case "ParenthesisNode":
        return;
      case "ConditionalNode":
        return;
      case "SymbolNode": {
        const name = n.name ?? "";
        // A SymbolNode is also the name of a called function; those are checked at the FunctionNode.
        if (parent && parent.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === node)
          return;
        if ((FILTER_FIELDS as readonly string[]).includes(name)) {
          fields.add(name as FilterField);
          return;
        }
        if (name === "true" || name === "false") return;
        throw new FilterError(
          `Onbekend veld '${name}' in filter; toegestaan zijn: ${FILTER_FIELDS.join(", ")}.`,
          `Unknown field '${name}' in filter; allowed are: ${FILTER_FIELDS.join(", ")}.`,
        );
      }
      case "OperatorNode": {
        const op = n.op ?? "";
        const unary = (node as unknown as { args: MathNode[] }).args.length === 1;
        if (unary && (op === "-" || op === "+" || op === "not")) return;
        if (!ALLOWED_OPERATORS.has(op)) {
          throw new FilterError(
            `Operator '${op}' is niet toegestaan in een filter.`,
            `Operator '${op}' is not allowed in a filter.`,
          );
        }
        const args = (node as unknown as { args: MathNode[] }).args;
        if (["<", ">", "<=", ">="].includes(op) && args.some(isTextNode)) {
          throw new FilterError(
            `Tekst kan alleen met == of != worden vergeleken (operator '${op}').`,
            `Text can only be compared with == or != (operator '${op}').`,
          );
        }
        return;
      }
      case "FunctionNode": {
        const fn = n.fn;
        const name = fn && fn.type === "SymbolNode" ? (fn.name ?? "") : "";
        if (!ALLOWED_FUNCTIONS.has(name)) {
          throw new FilterError(
            `Functie '${name || fn?.toString()}' is niet toegestaan in een filter; toegestaan zijn: ${[...ALLOWED_FUNCTIONS].join(", ")}.`,
            `Function '${name || fn?.toString()}' is not allowed in a filter; allowed are: ${[...ALLOWED_FUNCTIONS].join(", ")}.`,
          );
        }
        return;
      }
      default: {
        const what = NODE_NAMES_NL[node.type] ?? node.type;
        throw new FilterError(
          `Niet toegestaan in een filter: ${what}.`,
          `Not allowed in a filter: ${node.type}.`,
        );
      }
    }
  });

  // == and != on text become a text comparison; everything else keeps mathjs' meaning.
  const rewritten = root.transform((node) => {
    const n = node as MathNode & { op?: string; args?: MathNode[] };
    if (node.type === "OperatorNode" && (n.op === "==" || n.op === "!=") && n.args!.some(isTextNode)) {
      const call = new math.FunctionNode(new math.SymbolNode("fpTextEqual"), n.args!);
      return n.op === "==" ? call : new math.OperatorNode("not", "not", [call]);
    }
    return node;
  });

  let compiled: EvalFunction;
  try {
    compiled = rewritten.compile();
  } catch (e) {
    throw new FilterError(
      `Filter kan niet worden gebruikt: ${(e as Error).message}.`,
      `Filter cannot be used: ${(e as Error).message}.`,
    );
  }
  return {
    text: source,
    fields: [...fields],
    evaluate(row) {
      // A fresh Map scope per call: the expression sees the row's fields and nothing else.
      const scope = new Map<string, unknown>(Object.entries(row));
      const result = compiled.evaluate(scope);
      if (typeof result === "boolean") return result;
      if (typeof result === "number") return result !== 0;
      throw new FilterError(
        "Filter geeft geen ja/nee-uitkomst (gebruik een vergelijking, bijvoorbeeld schaal >= 11).",
        "Filter does not give a yes/no result (use a comparison, e.g. schaal >= 11).",
      );
    },
  };
}

export function groupName(group: number): string {
  return FUNCTION_GROUPS[group] ?? "";
}

/**
 * Evaluates a filter over formation rows [from, to). Results are cached per distinct combination of the
 * fields the filter reads, so 150,000 rows cost a few hundred evaluations unless the filter reads fte.
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
    const cache = new Map<string, number>();
    for (let r = from; r < to; r++) {
      const key = `${formation.unit[r]}|${formation.group[r]}|${formation.scale[r]}|${formation.fte[r]}`;
      let hit = cache.get(key);
      if (hit === undefined) cache.set(key, (hit = evaluateRow(r)));
      mask[r - from] = hit;
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
