// The server's one logger: pino writing JSON lines to stdout (no transports, no
// worker threads), with secrets redacted by field name. Errors go through
// `logError`, which keeps what helps (class, code, constraint, message, SQL
// text) and never a query's parameters, which can hold emails and password hashes.
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/server/env";

const SECRET_FIELDS = ["password", "passwordHash", "hash", "token", "secret", "cookie", "authorization"];

/** Field paths pino replaces with "[Redacted]": top level, one level down, and request headers. */
export const redactPaths = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...["headers.cookie", "headers.authorization", "*.headers.cookie", "*.headers.authorization", "headers['set-cookie']", "*.headers['set-cookie']"],
];

export type LogLevel = typeof env.LOG_LEVEL;

export function createLogger(destination?: DestinationStream, level: LogLevel = env.LOG_LEVEL): Logger {
  const options = { level, base: undefined, redact: { paths: redactPaths }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as unknown as { crescendoLogger?: Logger };

/** The process's logger (kept on globalThis: Next's server bundles would otherwise each make one). */
export const logger: Logger = (globalForLogger.crescendoLogger ??= createLogger());

export interface ErrorSummary {
  class: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  query?: string;
  stack?: string;
  cause?: ErrorSummary;
}

const MAX_CAUSES = 4;

/** Drizzle appends "params: ..." to a failed query's message; everything from there on goes. */
function withoutParameters(message: string): string {
  return message.replace(/\n?\s*params:[\s\S]*$/, "").trim();
}

function stringField(error: object, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = (error as Record<string, unknown>)[name];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}

/**
 * What may be logged of an error: its class, code, constraint, table, message
 * without parameters, the SQL text (placeholders, not values) and the stack's
 * frames (not its first line, which repeats the message). Never `params`,
 * `parameters` or `detail` (PostgreSQL's detail quotes the values of a key).
 */
export function describeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { class: typeof error, message: withoutParameters(String(error)) };
  const summary: ErrorSummary = { class: error.constructor?.name || error.name, message: withoutParameters(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") summary.code = String(code);
  const constraint = stringField(error, "constraint", "constraint_name");
  if (constraint) summary.constraint = constraint;
  const table = stringField(error, "table", "table_name");
  if (table) summary.table = table;
  const query = stringField(error, "query");
  if (query) summary.query = query;
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  if (frames?.length) summary.stack = frames.join("\n");
  if (error.cause !== undefined && depth < MAX_CAUSES) summary.cause = describeError(error.cause, depth + 1);
  return summary;
}

/** Logs a failure with its context; the error is summarised by describeError. */
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}, target: Logger = logger): void {
  target.error({ ...context, error: describeError(error) }, message);
}
