/**
 * One project per environment: node for the model, functions, Excel layer and command line; the end-to-end
 * tests in a real browser; jsdom for the task pane. Every project fails a test that writes to console.error
 * or console.warn (test/setup/console-guard.ts).
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, which is ESM-only; the tests never need it.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
};
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/{model,functions,excel,xlsx,cli,manifest,setup,worker,rijk}/**/*.test.ts"],
      setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/console-guard.ts"],
    },
    {
      // Its own project so that its globalSetup (a browser, or stop at once) runs only when e2e tests run.
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/setup/e2e-global-setup.ts",
      setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/console-guard.ts"],
    },
    {
      ...common,
      displayName: "taskpane",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts?(x)", "<rootDir>/test/rijk/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts", "<rootDir>/test/setup/console-guard.ts"],
    },
  ],
};
