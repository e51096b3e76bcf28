// What the test global setup hands to the test workers, and the PostgreSQL
// server chores both of them need. Kept free of vitest imports: the global setup
// runs outside any test.
import postgres from "postgres";

export type TestDatabaseTemplate =
  | { kind: "pglite"; dumpFile: string }
  | { kind: "postgres"; adminUrl: string; templateName: string; databasePrefix: string };

// Types what the setup provides and `inject("testDatabaseTemplate")` returns.
declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplate: TestDatabaseTemplate;
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on a short-lived maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onServer<T>(serverUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
