// The one way services report an expected failure. The tRPC layer maps the code to
// an HTTP-ish status; server actions show the message as it is. Messages are written
// for the person using the app.
export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, message: string, options?: { fieldErrors?: FieldErrors; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }
}

/** A failure tied to one form field, shown next to that field. */
export function fieldError(field: string, message: string, code: AppErrorCode = "BAD_REQUEST"): AppError {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

/** True for a PostgreSQL unique violation, as raised by postgres.js and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** The SQLSTATE of a database error, as postgres.js and PGlite report it, looked for through the causes (Drizzle wraps it). */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Below the input schemas, a safety net: PostgreSQL's data exceptions (SQLSTATE
 * class 22: a byte 0 or a character it can't store, a date or number out of its
 * range, text that is not a number or a time zone it doesn't know) are about what
 * was sent, so they answer BAD_REQUEST in words, never a 500 with the query in it.
 * Anything else comes back as it was.
 */
export function asAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const state = sqlState(error);
  if (state?.startsWith("22")) {
    // Without the driver's error as cause: its message carries the query's parameters, which must not reach a log.
    return new AppError("BAD_REQUEST", "Some of what you entered can't be saved: check it for unusual characters, dates far in the past or future, or very large numbers.");
  }
  return error;
}
