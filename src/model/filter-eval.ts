/**
 * Evaluating a checked filter: the tree as plain closures (no code generated from text), with mathjs'
 * number tolerance and text equality that ignores case and accents and matches English group names.
 */
import type { MathNode } from "mathjs";
import { FilterError, typeOf, type FilterField, type FilterNode } from "./filter-check";
import { normalizeName } from "./text";

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
export function fpTextEqual(a: unknown, b: unknown): boolean {
  return canonicalText(a) === canonicalText(b);
}
export type Row = Record<FilterField, string | number>;
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
export function toClosure(node: MathNode): (row: Row) => Value {
  const n = node as FilterNode;
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
