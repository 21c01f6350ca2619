// @ts-check
import eslint from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** typescript-eslint's type-aware recommended rules over every TypeScript file of the project. */
export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "var/", "coverage/", "test-output/", "web/src/generated/"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The same leeway as tsc's noUnusedLocals/noUnusedParameters: a parameter kept for its place (Express
      // tells an error handler by its four parameters) is named _x, and a property named only to leave it out of
      // a ...rest copy is not unused.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // The dashboard (web/, its own tsconfig for the browser): React's rules of hooks on top.
  { files: ["web/src/**/*.tsx", "web/src/**/*.ts"], extends: [reactHooks.configs.flat.recommended] },
  { files: ["**/*.js", "**/*.cjs", "**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
  // The CommonJS config files (jest, dependency-cruiser) run in Node, with its module wrapper's names.
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        module: "readonly",
        exports: "writable",
        require: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
);
