// Text people type. PostgreSQL refuses byte 0 in text, and a lone surrogate (half
// of an emoji) has no UTF-8 form: jsonb columns refuse it and text columns would
// quietly store a replacement character. Control characters are invisible junk
// that comes in with pasting. All of these are refused here, with a message,
// before anything reaches the database.
import { z } from "zod";
import { sharedField } from "./field-kinds";

export const CONTROL_CHARACTER_MESSAGE = "Text can't contain control characters (invisible characters that come with pasting). Retype it or paste it as plain text.";
export const BROKEN_CHARACTER_MESSAGE = "Text contains a broken character (half of an emoji or symbol). Retype it.";
export const ONE_LINE_MESSAGE = "Keep this on one line";

/** C0 controls (NUL among them) but tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** True when `text` has a surrogate without its pair (checked by hand: `isWellFormed` is too new for some browsers). */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

export const hasControlCharacter = (text: string) => CONTROL.test(text);

const count = (n: number) => n.toLocaleString("en-US");

export interface TextOptions {
  /** The most characters it may have. */
  max: number;
  /** The message for an empty value; without it the text may be empty. */
  required?: string;
  /** A shortest length other than 1, with its message. */
  min?: { length: number; message: string };
  /** The message for too long a value; "Use at most N characters" without it. */
  tooLong?: string;
  /** Line breaks allowed (bodies, goals); single-line text refuses them. */
  multiline?: boolean;
  /** Leading and trailing spaces are cut unless this is false (a body keeps its layout). */
  trim?: boolean;
}

function storable<T extends z.ZodString>(schema: T, multiline: boolean): T {
  return schema
    .refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE)
    .refine((value) => !hasLoneSurrogate(value), BROKEN_CHARACTER_MESSAGE)
    .refine((value) => multiline || !LINE_BREAK.test(value), ONE_LINE_MESSAGE) as T;
}

/** Text (trimmed unless said otherwise) of at most `max` characters that PostgreSQL can store as typed. */
export function text(options: TextOptions) {
  let schema = z.string({ error: options.required ?? "Enter text" });
  if (options.trim !== false) schema = schema.trim();
  if (options.min) schema = schema.min(options.min.length, options.min.message);
  else if (options.required) schema = schema.min(1, options.required);
  schema = schema.max(options.max, options.tooLong ?? `Use at most ${count(options.max)} characters`);
  return sharedField(storable(schema, options.multiline ?? false), "text");
}

/** A search box's words: optional, one line. */
export const searchText = (max = 120) => text({ max, tooLong: `Search for at most ${count(max)} characters` });

/** An email address, lower-cased; the format check refuses anything but its ASCII characters. */
export const emailText = () =>
  sharedField(
    z
      .string({ error: "Enter a valid email address, like name@company.com" })
      .trim()
      .toLowerCase()
      .pipe(z.email("Enter a valid email address, like name@company.com").max(254, "Use an email address of at most 254 characters")),
    "email",
  );

/** A password, taken as typed (not trimmed); only what can't be hashed as typed is refused. */
export function passwordText(options: { min: number; minMessage: string; max?: number }) {
  const max = options.max ?? 200;
  const schema = z
    .string({ error: options.minMessage })
    .min(options.min, options.minMessage)
    .max(max, `Use at most ${count(max)} characters`)
    .refine((value) => !value.includes("\u0000"), CONTROL_CHARACTER_MESSAGE)
    .refine((value) => !hasLoneSurrogate(value), BROKEN_CHARACTER_MESSAGE);
  return sharedField(schema, "password");
}

/** A link's secret token (base64url), as invitation and feed links carry it. */
export const linkToken = (message: string) =>
  sharedField(z.string({ error: message }).regex(/^[A-Za-z0-9_-]{10,200}$/, message), "token");
