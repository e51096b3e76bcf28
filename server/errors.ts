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
