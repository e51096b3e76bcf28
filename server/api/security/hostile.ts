// Hostile input: every field of every procedure's input, sent what once crashed
// the database (a NUL byte, a lone surrogate, year 0000 or 9999, an int of 2^31),
// must come back as BAD_REQUEST with field errors, and write nothing. The fields
// are read from the input schemas themselves, so a field added later is probed
// too, and one not built from the shared schemas (server/services/shared) fails.
import type { AnyTRPCProcedure } from "@trpc/server";
import { describe, expect } from "vitest";
import type { z } from "zod";
import { test } from "@/db/test-db";
import { dayFromToday } from "@/db/factories";
import { snapshotDatabase } from "@/db/test-snapshot";
import { TRPCError } from "@trpc/server";
import { callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { type FieldKind, fieldKinds } from "@/server/services/shared/field-kinds";
import { call } from "./call";
import { paths, procedures, sampleFor, type SecurityGroup, securityGroups } from "./samples";
import type { Team } from "./seed-team";
import { seedTeam } from "./seed-team";

type Path = (string | number)[];
/** A field of an input: where it is, and what kind of shared field it is ("enum" for a choice, "unshared" for one built another way). */
export interface InputField {
  path: Path;
  kind: FieldKind | "enum" | "unshared";
}

/** The fields of an input schema, from its zod definition; arrays are probed through their first element. */
export function inputFields(schema: z.ZodType, path: Path = []): InputField[] {
  const shared = fieldKinds.get(schema);
  if (shared) return [{ path, kind: shared.kind }];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => inputFields(field, [...path, key]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return inputFields(def.innerType as z.ZodType, path);
    case "pipe":
      return inputFields(def.in as z.ZodType, path);
    case "array":
      return inputFields(def.element as z.ZodType, [...path, 0]);
    case "union": {
      const fields = (def.options as z.ZodType[]).flatMap((option) => inputFields(option, path));
      return fields.filter((field, i) => fields.findIndex((other) => other.path.join(".") === field.path.join(".")) === i);
    }
    case "enum":
      return [{ path, kind: "enum" }];
    case "boolean":
    case "literal":
    case "transform":
      return [];
    default:
      return [{ path, kind: "unshared" }];
  }
}

/**
 * Valid values for the optional fields the matrix's samples leave out, so every
 * field is sent: the hostile value replaces one field of an otherwise valid input.
 */
const taskFilterInputs = (team: Team) => ({
  campaignId: team.campaign.id,
  assigneeId: team.marketer.id,
  mine: false,
  due: "week",
  skill: "copywriting",
  priority: "high",
  search: "brief",
  timeZone: "Europe/Berlin",
});
const taskFieldInputs = (team: Team) => ({
  description: "What to write",
  priority: "high",
  assigneeId: team.marketer.id,
  due: { localDateTime: `${dayFromToday(5)}T17:00`, timeZone: "Europe/Berlin" },
  estimateHours: 2.5,
  requiredSkills: ["copywriting"],
  campaignId: team.campaign.id,
  milestoneId: team.milestone.id,
  contentItemId: team.contentItem.id,
});

const fullInputs: Record<string, (team: Team) => Record<string, unknown>> = {
  "task.board": (team) => ({ ...taskFilterInputs(team), limit: 20 }),
  "task.column": (team) => ({ ...taskFilterInputs(team), after: "a0", limit: 20 }),
  "approval.queue": (team) => ({ campaignId: team.campaign.id, channel: "blog", requesterId: team.marketer.id, stage: 1, overdue: false, sort: "age", limit: 20 }),
  "approval.decide": () => ({ decision: "changes_requested", comment: "Say when it ships.", anchor: { start: 0, end: 1 } }),
  "task.list": (team) => ({ ...taskFilterInputs(team), sort: "due", direction: "asc", limit: 20, offset: 0 }),
  "task.today": () => ({ timeZone: "Europe/Berlin" }),
  "notification.list": (team) => ({ cursor: `2026-11-02T09:30:00.123456Z_${team.notification.id}`, limit: 10 }),
  "task.create": (team) => ({ ...taskFieldInputs(team), status: "todo", dependsOnIds: [team.otherTask.id] }),
  "task.update": (team) => taskFieldInputs(team),
  "task.move": () => ({ blockedReason: "Waiting on legal" }),
  "workflow.listRuns": (team) => ({
    status: "failed",
    functionId: "crescendo-send-invitation-email",
    cursor: `2026-11-02T09:30:00.123456Z_${team.failedRun.id}`,
    limit: 10,
  }),
  "calendar.range": (team) => ({ campaignIds: [team.campaign.id], channels: ["linkedin"], ownerId: team.marketer.id, statuses: ["draft"], perDay: 3 }),
  "campaign.list": (team) => ({
    search: "spring",
    statuses: ["draft"],
    types: ["webinar"],
    ownerId: team.marketer.id,
    channel: "linkedin",
    from: "2026-01-01",
    to: "2026-12-31",
    sort: "name",
    page: 1,
    pageSize: 10,
  }),
  "campaign.activity": () => ({ cursor: 1000 }),
  "campaign.create": () => ({
    goal: "Fill the webinar",
    kpiName: "Sign-ups",
    kpiTarget: "2000",
    audience: "Marketing leads",
    channels: ["linkedin"],
    budgetAmount: "12500.50",
    currency: "EUR",
    bufferDays: 1,
    withTimeline: true,
  }),
  "campaign.update": (team) => ({
    type: "webinar",
    goal: "Fill the webinar",
    kpiName: "Sign-ups",
    kpiTarget: "2000",
    audience: "Marketing leads",
    channels: ["linkedin"],
    budgetAmount: "12500.50",
    currency: "EUR",
    ownerId: team.manager.id,
    startDate: "2026-03-02",
    launchDate: "2026-03-09",
    endDate: "2026-03-20",
  }),
  "template.preview": () => ({ bufferDays: 2 }),
  "template.update": () => ({
    milestones: [{ name: "Probe prep", businessDaysBeforeLaunch: 3 }],
    tasks: [
      { key: "probe-post", title: "Probe post", estimateHours: 1.5, skills: ["social"], dependsOn: ["probe-brief"], milestone: "Probe prep", businessDaysBefore: 1, channel: "linkedin" },
      { key: "probe-brief", title: "Probe brief", estimateHours: 2, skills: ["copywriting"], dependsOn: [], milestone: "Probe prep", businessDaysBefore: 2 },
    ],
  }),
  "content.create": () => ({
    media: [{ url: "https://example.com/teaser.png", alt: "The teaser image" }],
    scheduledAt: { localDateTime: "2026-03-09T09:00", timeZone: "Europe/Berlin" },
  }),
  "content.update": () => ({ title: "A changed title", media: [{ url: "https://example.com/teaser.png", alt: "The teaser image" }] }),
};

/** A valid input to `path` that sets every field of its schema. */
export function fullInput(path: string, team: Team): unknown {
  const sample = sampleFor(path).input?.(team);
  const extra = fullInputs[path]?.(team);
  return extra ? { ...(sample as object), ...extra } : sample;
}

export const inputSchema = (path: string) => (procedures[path] as AnyTRPCProcedure)._def.inputs[0] as z.ZodType | undefined;
export const pathsWithInput = paths.filter((path) => inputSchema(path));

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

const insert = (text: string, bad: string) => `${text.slice(0, Math.ceil(text.length / 2))}${bad}${text.slice(Math.ceil(text.length / 2))}`;

/** What each kind of field is sent, given its valid value. */
function hostileValues(kind: InputField["kind"], valid: unknown): { label: string; value: unknown }[] {
  if (kind === "int") return [{ label: "2^31", value: 2 ** 31 }];
  // Row numbers are bigserial (int8): past what JavaScript counts exactly.
  if (kind === "serialId") return [{ label: "2^53", value: 2 ** 53 }];
  // Decimal numbers (hours) reach numeric(6, 1): a value past its precision must be a field error, not a database one.
  if (kind === "decimal") return [{ label: "10^6", value: 1e6 }, { label: "Infinity", value: Number.POSITIVE_INFINITY }];
  const text = String(valid);
  const values = [
    { label: "a NUL byte", value: insert(text, "\u0000") },
    { label: "a lone surrogate", value: insert(text, "\ud800") },
  ];
  if (kind === "date" || kind === "localDateTime" || kind === "cursor") {
    values.push({ label: "year 0000", value: `0000${text.slice(4)}` }, { label: "year 9999", value: `9999${text.slice(4)}` });
  }
  if (kind === "localDateTime" || kind === "cursor") values.push({ label: "month 13", value: `${text.slice(0, 5)}13${text.slice(7)}` });
  return values;
}

/** Every hostile input for `path`: its full valid input with one field replaced. */
export function hostileInputs(path: string, team: Team): { label: string; field: string; input: unknown }[] {
  const schema = inputSchema(path);
  if (!schema) return [];
  const full = fullInput(path, team);
  return inputFields(schema).flatMap(({ path: fieldPath, kind }) =>
    hostileValues(kind, valueAt(full, fieldPath)).map(({ label, value }) => ({
      label: `${fieldPath.join(".")} with ${label}`,
      field: String(fieldPath[0]),
      input: withValueAt(full, fieldPath, value),
    })),
  );
}

/** The hostile-input test for every procedure with an input in `group`'s routers. */
export function describeHostileInputs(group: SecurityGroup) {
  const routers: readonly string[] = securityGroups[group];
  const groupPaths = pathsWithInput.filter((path) => routers.includes(path.split(".")[0]!));
  describe(`hostile input: ${routers.join(", ")}`, () => {
    test.for(groupPaths)(
      "%s: a NUL byte, a lone surrogate, year 0000 or 9999, an int of 2^31 in any field is BAD_REQUEST with field errors, and writes nothing",
      async (path, { db }) => {
        const team = await seedTeam(db, "Alpha Agency");
        const schema = inputSchema(path)!;
        const full = fullInput(path, team);
        const fields = inputFields(schema);

        // The probe's premises: every field is a shared one, is present in the full input, and that input is valid.
        expect(fields.filter((field) => field.kind === "unshared").map((field) => field.path.join(".")), "fields not built from server/services/shared").toEqual([]);
        expect(
          fields.filter((field) => valueAt(full, field.path) === undefined).map((field) => field.path.join(".")),
          `fields missing from the full input: add a valid value to fullInputs in hostile.ts`,
        ).toEqual([]);
        expect(schema.safeParse(full).error?.issues ?? []).toEqual([]);

        const before = await snapshotDatabase(db);
        const caller = await callerFor(db, team.admin, team.workspace.id);
        const wrong: string[] = [];
        for (const { label, field, input } of hostileInputs(path, team)) {
          const outcome = await call(caller, path, input).then(
            () => "answered OK",
            (error: unknown) => {
              if (!(error instanceof TRPCError)) return `threw ${String(error).slice(0, 200)}`;
              if (error.code !== "BAD_REQUEST") return `${error.code}: ${error.message.slice(0, 200)}`;
              return fieldErrorsOf(error)?.[field]?.length ? null : `BAD_REQUEST without a field error for ${field}`;
            },
          );
          if (outcome) wrong.push(`${label}: ${outcome}`);
        }
        expect(wrong).toEqual([]);
        expect(await snapshotDatabase(db)).toEqual(before);
      },
    );
  });
}
