/** Every number the command line prints or writes must be finite: the first one that is not, named. */
import type { RunResult } from "../model/types";

export function firstNonFinite(result: RunResult): string | null {
  for (const s of result.scenarios) {
    for (const y of s.years) {
      for (const [key, value] of Object.entries(y)) {
        if (typeof value === "number" && !Number.isFinite(value))
          return `scenario '${s.name.slice(0, 60)}', ${y.year}, ${key}`;
      }
    }
  }
  for (const c of result.comparison) {
    for (const [key, value] of Object.entries(c)) {
      if (typeof value === "number" && !Number.isFinite(value))
        return `scenario '${c.name.slice(0, 60)}', ${key}`;
    }
  }
  return null;
}
