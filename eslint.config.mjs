import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Only these files may touch the database client; everything else goes through server/ functions.
const DATABASE_ACCESS = ["server/**/data.ts", "server/**/mutations.ts", "lib/db.ts", "lib/rate-limit.ts"];
// Database infrastructure: migrations, the embedded database, LISTEN connections, the job queue.
const UNRESTRICTED = ["prisma/**", "tests/**", "scripts/**", "bench/**", "lib/migrate.ts", "lib/embedded-db.ts", "lib/notify.ts"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", ".test-results/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*", "../../*"], message: "Use @/ imports." }] },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    ignores: [...DATABASE_ACCESS, ...UNRESTRICTED],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/generated/*", "@prisma/*", "pg", "@electric-sql/*"],
              message: "Only server/**/data.ts, server/**/mutations.ts and lib/db.ts may use the database.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ["**/*.{js,mjs,cjs}"], extends: [tseslint.configs.disableTypeChecked] },
);
