// Flat ESLint config: zero warnings is the gate (`npm run lint` passes --max-warnings 0).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

const layerReason =
  "src/domain and src/sample are pure TypeScript: it must not import Office.js, React, ExcelJS, the DOM or any other layer, " +
  "so that the task pane, the CLI and the tests drive the same rules (see docs/arquitectura.md).";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "demo/", "test-output/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/domain/**/*.ts", "src/sample/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**", "**/functions/**", "**/bench/**"], message: layerReason },
            { group: ["react", "react-dom", "exceljs", "@fluentui/*", "office-*", "@microsoft/*", "fs", "node:*", "path"], message: layerReason },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: layerReason },
        { name: "Excel", message: layerReason },
        { name: "CustomFunctions", message: layerReason },
        { name: "document", message: layerReason },
        { name: "window", message: layerReason },
        { name: "process", message: layerReason },
      ],
    },
  },
);
