// Every field of every input is built from the shared schemas in this folder,
// and each of them registers what kind of field it is. The security suite reads
// this registry to send each field the values that once crashed the database
// (server/api/security/hostile.ts), and to fail when a field is built another way.
import { z } from "zod";

export type FieldKind =
  /** Text a person types (names, bodies, searches). */
  | "text"
  | "email"
  | "password"
  /** A link's secret token. */
  | "token"
  /** A row's uuid. */
  | "id"
  /** A row's bigserial number (audit entries). */
  | "serialId"
  /** A whole number that lands in an int4 column or is compared with one. */
  | "int"
  /** An amount with at most two decimals. */
  | "money"
  /** A number with one decimal place (hours: 1.5). */
  | "decimal"
  | "currency"
  /** A calendar day, "2026-03-09". */
  | "date"
  /** A wall-clock time without a zone, "2026-03-09T09:00". */
  | "localDateTime"
  | "timeZone"
  /** A page cursor: an instant and an id. */
  | "cursor";

export const fieldKinds = z.registry<{ kind: FieldKind }>();

/** Marks `schema` as a shared field of `kind`; returns the same schema. */
export function sharedField<T extends z.ZodType>(schema: T, kind: FieldKind): T {
  fieldKinds.add(schema, { kind });
  return schema;
}
