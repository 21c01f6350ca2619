// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

/** typescript-eslint's type-aware recommended rules over every TypeScript file of the project. */
export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "var/", "coverage/", "web/dist/"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  { files: ["**/*.js", "**/*.cjs", "**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
);
