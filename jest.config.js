/** One project per environment: node for the model, functions, Excel layer and command line; jsdom for the task pane. */
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
      testMatch: ["<rootDir>/test/{model,functions,excel,xlsx,cli,manifest,e2e,rijk}/**/*.test.ts"],
      setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
    },
    {
      ...common,
      displayName: "taskpane",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts?(x)", "<rootDir>/test/rijk/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts"],
    },
  ],
};
