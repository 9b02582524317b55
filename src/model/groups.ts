/** Function group names, Dutch or English, any case, to 0 Primair, 1 Bedrijfsvoering, 2 Lijnmanagement. */
import { normalizeName } from "./text";

const GROUP_LOOKUP = new Map<string, number>([
  ["primair", 0],
  ["primary", 0],
  ["bedrijfsvoering", 1],
  ["operations", 1],
  ["lijnmanagement", 2],
  ["management", 2],
]);

export function functionGroupIndex(value: unknown): number | undefined {
  return GROUP_LOOKUP.get(normalizeName(value));
}
