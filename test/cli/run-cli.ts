/** What the command-line tests share: running `main` with captured output, and the JSON contract's year keys. */
import { main, type CliIo } from "../../src/cli/main";

/** Runs the command line in this process, as `formatieplanner ...args`, and returns its exit code and output. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The fields of every `years` entry of `run --json` and `rijk --json`, in order (README, the issues' contract). */
export const YEAR_KEYS = [
  "year",
  "fte",
  "ftePrimary",
  "fteOverhead",
  "overheadRatio",
  "personnelCost",
  "externalSpend",
  "roemerShare",
  "m2",
  "housingCost",
  "structuralCost",
  "oneOffCost",
  "structuralSavings",
  "target",
  "gap",
  "forcedExits",
  "primaryRetained",
];
