// Integration tests beside the code (`*.test.ts`), each on its own real database:
// PGlite by default, PostgreSQL with TEST_DATABASE=postgres (see db/test-db.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` }],
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", "e2e/**", ".data/**"],
    globalSetup: ["db/test-global-setup.ts"],
    // Two cores, and each PGlite costs ~300 MB: two test files at a time.
    maxWorkers: 2,
    // A worker runs file after file in one module graph instead of loading it anew
    // per file: the suite takes 115 s instead of 191 s on PGlite, 97 s instead of
    // 135 s on PostgreSQL. So a test may not count on fresh module state: no
    // vi.mock or stubbed globals, and nothing kept at module level that another
    // file could see (each file still gets its own database, db/test-db.ts).
    isolate: false,
    // A database per test takes ~0.4 s (PGlite) and argon2 hashing is real.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests pass their SMTP server explicitly; a developer's SMTP_URL must not send real mail.
    env: { SMTP_URL: "", APP_URL: "http://crescendo.test" },
  },
});
