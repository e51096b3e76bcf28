// Keyset page cursors: where the previous page ended, as an instant (to the
// microsecond) and the last row's id. Decoded here, so an impossible one (a 13th
// month, year 9999, a broken id) is a field error and never reaches the database.
import { z } from "zod";
import { isSupportedInstant } from "./date.schema";
import { sharedField } from "./field-kinds";

const CURSOR = /^([^_]{1,40})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface InstantCursor {
  /** "2026-03-09T09:00:00.123456Z" */
  at: string;
  id: string;
}

/** "<instant>_<uuid>", as a list's `nextCursor` gives it, decoded into its parts. */
export function instantCursor(message: string) {
  const schema = z
    .string({ error: message })
    .max(100, { error: message, abort: true })
    .refine((value) => {
      const match = CURSOR.exec(value);
      return !!match && isSupportedInstant(match[1]!);
    }, message)
    .transform((value): InstantCursor => {
      const [, at, id] = CURSOR.exec(value)!;
      return { at: at!, id: id! };
    });
  return sharedField(schema, "cursor");
}
