/** Function group names, Dutch or English, any case, to 0 Primair, 1 Bedrijfsvoering, 2 Lijnmanagement. */
import { normalizeName, perSpelling } from "./text";

const GROUP_LOOKUP = new Map<string, number>([
  ["primair", 0],
  ["primary", 0],
  ["bedrijfsvoering", 1],
  ["operations", 1],
  ["lijnmanagement", 2],
  ["management", 2],
]);

export const functionGroupIndex: (value: unknown) => number | undefined = perSpelling((value) =>
  GROUP_LOOKUP.get(normalizeName(value)),
);
