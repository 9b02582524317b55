/**
 * A quiet log is part of a green run: any console.error or console.warn during a test fails that test, so a
 * new warning (React's "not wrapped in act(...)", a failed prop type, a library's deprecation) is never lost
 * among passing output. The message still prints, so the failure shows what was said and where.
 */
import { format } from "util";

const said: string[] = [];
for (const level of ["error", "warn"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    said.push(`console.${level}: ${format(...args).split("\n")[0]}`);
    original(...args);
  };
}

function check(when: string): void {
  if (said.length === 0) return;
  const lines = said.splice(0);
  throw new Error(
    `${when}: de test schreef naar console.error/warn / the test wrote to console.error/warn:\n${lines.join("\n")}`,
  );
}

afterEach(() => check("Na deze test / After this test"));
// Updates that land after the last test (a pending promise of a component) fail the file.
afterAll(() => check("Na de laatste test / After the last test"));
