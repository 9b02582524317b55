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

// Tables repeat the same few spellings; remember them (bounded, so odd input cannot grow it forever).
const seen = new Map<unknown, number | undefined>();

export function functionGroupIndex(value: unknown): number | undefined {
  if (seen.has(value)) return seen.get(value);
  const group = GROUP_LOOKUP.get(normalizeName(value));
  if (seen.size < 1000) seen.set(value, group);
  return group;
}
