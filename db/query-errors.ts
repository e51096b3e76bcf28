// A failed query must not carry its parameters (emails, password hashes,
// tokens) into any log, ours or Next's: Next prints an error that escapes a
// server action or a page with all its enumerable fields. Drizzle writes the
// parameters into the message of DrizzleQueryError ("params: ..."), and PGlite's
// error keeps them (and PostgreSQL's `detail`, which quotes a key's values) as
// enumerable fields. So every query's error is scrubbed where Drizzle throws it:
// the message ends before the parameters, and those fields stay readable by code
// but are hidden from printing.
import { DrizzleQueryError } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

const HIDDEN_FIELDS = ["params", "parameters", "detail", "queryOptions", "args", "types"];

function hideFields(error: object) {
  for (const field of HIDDEN_FIELDS) {
    const descriptor = Object.getOwnPropertyDescriptor(error, field);
    if (descriptor?.enumerable) Object.defineProperty(error, field, { ...descriptor, enumerable: false });
  }
}

/** Rewrites a query error in place so printing it shows no parameter values. */
export function scrubQueryError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error instanceof DrizzleQueryError) {
    const message = `Failed query: ${error.query}`;
    const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line)) ?? [];
    Object.defineProperty(error, "message", { value: message, writable: true, configurable: true, enumerable: false });
    error.stack = [`${error.name}: ${message}`, ...frames].join("\n");
  }
  hideFields(error);
  if (error.cause && typeof error.cause === "object") hideFields(error.cause);
  return error;
}

const patched = Symbol.for("crescendo.scrubQueryErrors");

/** Wraps Drizzle's one query path (every driver's prepared query goes through it) once per process. */
export function scrubQueryErrors(): void {
  const prototype = PgPreparedQuery.prototype as unknown as Record<PropertyKey, unknown> & {
    queryWithCache: (...args: unknown[]) => Promise<unknown>;
  };
  if (prototype[patched]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw scrubQueryError(error);
    }
  };
  prototype[patched] = true;
}
