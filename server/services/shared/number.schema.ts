// Numbers and ids. Whole numbers are kept inside what their PostgreSQL column
// holds (int4 unless said otherwise), so a version 2^31 is a field error, not a
// database crash; amounts are strings with at most two decimals, as numeric(14, 2)
// keeps them.
import { z } from "zod";
import { sharedField } from "./field-kinds";

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

const count = (n: number) => n.toLocaleString("en-US");

export interface IntOptions {
  /** Said when the value is not a whole number ("Enter the limit as a whole number"). */
  message: string;
  /** Bounds, inside int4; with their messages. */
  min?: number;
  minMessage?: string;
  max?: number;
  maxMessage?: string;
}

/** A whole number between `min` and `max` (int4 by default). */
export function int(options: IntOptions) {
  const min = Math.max(options.min ?? INT4_MIN, INT4_MIN);
  const max = Math.min(options.max ?? INT4_MAX, INT4_MAX);
  const schema = z
    .number({ error: options.message })
    .int({ error: options.message, abort: true })
    .min(min, options.minMessage ?? `Use a number of at least ${count(min)}`)
    .max(max, options.maxMessage ?? `Use a number of at most ${count(max)}`);
  return sharedField(schema, "int");
}

/** A row's uuid; `what` names it ("Choose a campaign"). */
export const id = (message: string) => sharedField(z.uuid({ error: message }), "id");

/** A bigserial row number (mode "number"), as audit entries are numbered: positive and exact in JavaScript. */
export const serialId = (message: string) =>
  sharedField(z.number({ error: message }).int({ error: message, abort: true }).positive(message).max(Number.MAX_SAFE_INTEGER, message), "serialId");

/** An amount with at most two decimals, from a form's text or a number; commas are ignored. Kept as a string, like numeric columns. */
export function money(what: string, max: number) {
  const schema = z
    .union([z.string(), z.number()], { error: `Enter the ${what} as a number, like 12500 or 99.50` })
    .transform((value) => String(value).trim().replaceAll(",", ""))
    .pipe(
      // One message at a time, and none of them aborting: a union around this field (an empty form field) still reports it.
      z.string().superRefine((value, ctx) => {
        if (value.startsWith("-")) ctx.addIssue({ code: "custom", message: `The ${what} can't be negative` });
        else if (!/^\d+(\.\d{1,2})?$/.test(value)) ctx.addIssue({ code: "custom", message: `Enter the ${what} as a number with at most two decimals, like 12500 or 99.50` });
        else if (Number(value) > max) ctx.addIssue({ code: "custom", message: `The ${what} can be at most ${count(max)}` });
      }),
    );
  return sharedField(schema, "money");
}

/** A number from 0 to `max` with at most one decimal (hours: 1.5), as numeric(6, 1) keeps it; `what` names it. */
export function tenths(what: string, max: number) {
  const schema = z
    .number({ error: `Enter the ${what} as a number, like 4 or 1.5` })
    .min(0, `The ${what} can't be negative`)
    .max(max, `The ${what} can be at most ${count(max)}`)
    .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, `Enter the ${what} with at most one decimal, like 1.5`);
  return sharedField(schema, "decimal");
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** A currency's ISO 4217 code, upper-cased. */
export const currencyCode = () =>
  sharedField(
    z
      .string({ error: "Choose a currency by its three-letter code, like USD or EUR" })
      .trim()
      .toUpperCase()
      .refine((code) => currencies.has(code), "Choose a currency by its three-letter code, like USD or EUR"),
    "currency",
  );
