import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Excel hands custom functions any cell value; the functions check the type themselves, and the
    // metadata generator reads `any` as the "any" parameter type.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Only src/excel may talk to Excel.*; the model must stay free of Office altogether.
    files: [
      "src/model/**/*.ts",
      "src/functions/**/*.ts",
      "src/taskpane/**/*.ts",
      "src/taskpane/**/*.tsx",
      "src/cli/**/*.ts",
      "src/xlsx/**/*.ts",
    ],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Only src/excel talks to Excel.*" }],
    },
  },
  {
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "The model never imports Office." },
        { name: "Office", message: "The model never imports Office." },
        { name: "CustomFunctions", message: "The model never imports Office." },
      ],
    },
  },
);
