import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The direction of imports (app -> components -> server/api -> server/services
// -> db): a layer never reaches up into one that calls it. Aliased paths are
// matched by name (gitignore-style groups), relative ones by where they lead.
const up = (message, group, regex) => [
  { group, message },
  { regex, message },
];
const belowApi = [
  ...up("Services and the database layer sit below the API: move what both need into server/services.", ["@/server/api", "@/server/api/*"], "^(\\.\\./)+(server/)?api(/|$)"),
  ...up("Services and the database layer don't import UI: move shared words or limits into server/services.", ["@/components", "@/components/*"], "^(\\.\\./)+components(/|$)"),
  ...up("Services and the database layer don't import pages.", ["@/app", "@/app/*"], "^(\\.\\./)+app(/|$)"),
];
// Services write events to the outbox with enqueueEvents (and the typed events
// it takes); the rest of inngest/ calls services, never the other way round.
const inngestMessage = "Services use only @/inngest/outbox/enqueue-events (and the events it writes) of inngest/.";
const onlyEnqueueEvents = (...alsoAllowed) => [
  { group: ["@/inngest/*", "!@/inngest/outbox", "@/inngest/outbox/*", "!@/inngest/outbox/enqueue-events", "!@/inngest/events", ...alsoAllowed], message: inngestMessage },
  { regex: "^(@/inngest|(\\.\\./)+inngest(/.*)?)$", message: inngestMessage },
];

export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  {
    // Node scripts and configs outside TypeScript.
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { drizzle, "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every update and delete must say which rows: a missing WHERE would cross workspaces.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["db/**/*.{ts,tsx,mts}"],
    rules: { "no-restricted-imports": ["error", { patterns: belowApi }] },
  },
  {
    files: ["server/services/**/*.{ts,tsx,mts}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...belowApi, ...onlyEnqueueEvents()] }] },
  },
  {
    // The runs console's services operate the embedded executor itself (cancel,
    // retry, wake a run), so they also reach its runtime, its control functions
    // and the app's hooks those take.
    files: ["server/services/workflows/**/*.{ts,tsx,mts}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...belowApi, ...onlyEnqueueEvents("!@/inngest/embedded", "!@/inngest/executor-hooks", "!@/inngest/executor", "@/inngest/executor/*", "!@/inngest/executor/control")] },
      ],
    },
  },
  {
    // The server logs through server/logger.ts (JSON, secrets redacted, no query
    // parameters). Tests, test apps and command-line tools print for a person.
    files: ["server/**/*.{ts,tsx,mts}", "inngest/**/*.{ts,tsx,mts}", "app/**/*.{ts,tsx,mts}", "db/**/*.{ts,tsx,mts}"],
    ignores: ["**/*.test.ts", "**/testing/**", "db/test-*.ts", "db/seed-cli.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["components/**/*.{ts,tsx,mts}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: up("Shared components don't import pages: move what both need into components/ or below.", ["@/app", "@/app/*"], "^(\\.\\./)+app(/|$)") }],
    },
  },
);
