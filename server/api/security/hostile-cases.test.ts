// The inputs that answered 500 before the shared field schemas, one test each:
// now each is a field error (BAD_REQUEST) and writes nothing, and the edge just
// inside the supported range still answers. Below the schemas, a database data
// error that slips through still answers BAD_REQUEST.
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam, createWorkflowRun } from "@/db/factories";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { formStateFromError } from "@/components/forms/form-state";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { AppError, asAppError } from "@/server/errors";
import { seedTeam } from "./seed-team";

const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";

/** The call fails as a field error on `field`; returns its messages. */
async function refusedOn(call: Promise<unknown>, field: string): Promise<string[]> {
  const error = await callError(call);
  expect(error.code, error.message).toBe("BAD_REQUEST");
  const messages = fieldErrorsOf(error)?.[field] ?? [];
  expect(messages, `field errors for ${field}`).not.toEqual([]);
  return messages;
}

describe("inputs that used to answer 500", () => {
  test("a NUL byte in text is a field error in a create, an update and a search, and writes nothing", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const marketer = await callerFor(db, team.marketer);
    const before = await snapshotDatabase(db);

    const messages = await refusedOn(marketer.content.create({ campaignId: team.campaign.id, channel: "linkedin", title: `Teaser${NUL}` }), "title");
    expect(messages).toContain("Text can't contain control characters (invisible characters that come with pasting). Retype it or paste it as plain text.");
    await refusedOn(marketer.campaign.update({ campaignId: team.campaign.id, goal: `More${NUL}leads` }), "goal");
    await refusedOn(marketer.content.update({ contentItemId: team.contentItem.id, body: `Hello${NUL}` }), "body");
    await refusedOn(marketer.campaign.list({ search: `spring${NUL}` }), "search");
    await refusedOn(marketer.milestone.create({ campaignId: team.campaign.id, name: `Review${NUL}`, dueDate: "2026-06-01" }), "name");

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("a lone surrogate in text bound for a JSON column (images, template milestones) is a field error, and writes nothing", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const before = await snapshotDatabase(db);

    const messages = await refusedOn(
      (await callerFor(db, team.marketer)).content.update({
        contentItemId: team.contentItem.id,
        media: [{ url: "https://example.com/a.png", alt: `Launch ${LONE_SURROGATE} party` }],
      }),
      "media",
    );
    expect(messages).toContain("Text contains a broken character (half of an emoji or symbol). Retype it.");
    await refusedOn(
      (await callerFor(db, team.manager)).template.update({ type: "webinar", milestones: [{ name: `Dry run ${LONE_SURROGATE}`, businessDaysBeforeLaunch: 1 }] }),
      "milestones",
    );
    // A whole emoji (a surrogate pair) is fine.
    await (await callerFor(db, team.marketer)).content.update({ contentItemId: team.contentItem.id, body: "Launch day 🚀" });

    const after = await snapshotDatabase(db);
    expect(after.campaign_templates).toEqual(before.campaign_templates);
    expect(after.content_items!.find((item) => item.id === team.contentItem.id)?.media).toEqual([]);
  });

  test("dates in year 0000 or 9999 are field errors, and write nothing", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const marketer = await callerFor(db, team.marketer);
    const before = await snapshotDatabase(db);
    const campaign = { name: "Far out", type: "webinar" as const, ownerId: team.marketer.id, startDate: "2026-03-02", launchDate: "2026-03-09", endDate: "2026-03-20" };

    expect(await refusedOn(marketer.campaign.create({ ...campaign, startDate: "0000-01-01" }), "startDate")).toEqual(["Choose a start date in the years 2000 to 2099"]);
    expect(await refusedOn(marketer.campaign.create({ ...campaign, endDate: "9999-12-31" }), "endDate")).toEqual(["Choose an end date in the years 2000 to 2099"]);
    await refusedOn(marketer.milestone.reschedule({ milestoneId: team.milestone.id, dueDate: "9999-12-31" }), "dueDate");
    await refusedOn(marketer.content.reschedule({ contentItemId: team.contentItem.id, localDateTime: "0000-01-01T09:00", timeZone: "Europe/Berlin" }), "localDateTime");
    await refusedOn((await callerFor(db, team.manager)).settings.addBlackout({ startDate: "2026-12-24", endDate: "9999-12-31", reason: "Forever" }), "endDate");

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("calendar.range at 9999-12 in Pacific/Kiritimati is a field error; the last supported month there answers", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const viewer = await callerFor(db, team.viewer);

    await refusedOn(viewer.calendar.range({ from: "9999-11-29", to: "9999-12-31", timeZone: "Pacific/Kiritimati", perDay: 3 }), "from");
    // UTC+14: the day after the range's last one starts in the year after it, still inside what dates handle.
    const range = await viewer.calendar.range({ from: "2099-11-30", to: "2099-12-31", timeZone: "Pacific/Kiritimati", perDay: 3 });
    expect(range.campaigns).toEqual([]);
    await viewer.calendar.range({ from: "2000-01-01", to: "2000-01-31", timeZone: "Pacific/Pago_Pago" });
  });

  test("template.preview at 9999-12-31 is a field error; at the last supported day it answers", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const viewer = await callerFor(db, team.viewer);

    await refusedOn(viewer.template.preview({ type: "webinar", launchDate: "9999-12-31" }), "launchDate");
    const preview = await viewer.template.preview({ type: "webinar", launchDate: "2099-12-31" });
    expect(preview.milestones.map((milestone) => milestone.dueDate)).toEqual(["2099-12-24", "2099-12-31"]);
  });

  test("workflow.listRuns with an impossible cursor is BAD_REQUEST", async ({ db }) => {
    const team = await createTeam(db);
    const run = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed" });
    const manager = await callerFor(db, team.manager);

    for (const cursor of [
      `2026-13-01T00:00:00.000000Z_${run.id}`,
      `2026-02-30T00:00:00.000000Z_${run.id}`,
      `2026-01-01T25:00:00.000000Z_${run.id}`,
      `9999-12-31T23:59:59.999999Z_${run.id}`,
      `0000-01-01T00:00:00.000000Z_${run.id}`,
      `2026-01-01T00:00:00.000000Z_${run.id.slice(0, -1)}x`,
    ]) {
      expect(await refusedOn(manager.workflow.listRuns({ cursor }), "cursor"), cursor).toEqual(["That page of runs does not exist"]);
    }
    expect((await manager.workflow.listRuns({ cursor: `2099-01-01T00:00:00.000000Z_${run.id}` })).runs.map((each) => each.id)).toEqual([run.id]);
  });

  test("content.diff with a version of 2^31 or more is a field error", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const viewer = await callerFor(db, team.viewer);

    await refusedOn(viewer.content.diff({ contentItemId: team.contentItem.id, from: 1, to: 2 ** 31 }), "to");
    await refusedOn(viewer.content.diff({ contentItemId: team.contentItem.id, from: 2 ** 40, to: 1 }), "from");
    // Inside int4, a version that does not exist is still the service's NOT_FOUND.
    expect((await callError(viewer.content.diff({ contentItemId: team.contentItem.id, from: 1, to: 2 ** 31 - 1 }))).code).toBe("NOT_FOUND");
  });

  test("campaign.activity with a cursor past what an audit number can be is a field error", async ({ db }) => {
    const team = await seedTeam(db, "Alpha Agency");
    const viewer = await callerFor(db, team.viewer);
    await refusedOn(viewer.campaign.activity({ campaignId: team.campaign.id, cursor: 2 ** 53 }), "cursor");
    // Audit entries are bigserial: a cursor past int4 is a real one.
    expect((await viewer.campaign.activity({ campaignId: team.campaign.id, cursor: 2 ** 31 })).entries).toEqual(expect.any(Array));
  });
});

describe("a data error the schemas miss", () => {
  // A procedure that sends PostgreSQL something it refuses, as a field the schemas missed would.
  const probe = createTRPCRouter({
    text: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select ${`a${NUL}b`}::text as value`)),
    number: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select ${String(2 ** 31)}::int4 as value`)),
    date: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select ${"2026-02-30"}::date as value`)),
    zone: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select now() at time zone ${"Mars/Olympus_Mons"} as value`)),
  });
  const probeCaller = createCallerFactory(probe);

  test("answers BAD_REQUEST in words, without the query or its parameters", async ({ db }) => {
    const caller = probeCaller({ db, session: null, workspace: null });
    // One call at a time: a call started before the previous one is awaited could fail unobserved.
    for (const call of [() => caller.number(), () => caller.date(), () => caller.zone()]) {
      const error = await callError(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/can't be saved/);
      expect(error.message).not.toMatch(/select|2147483648|2026-02-30|Mars/);
    }
    // A NUL byte: PostgreSQL refuses it (22021); PGlite's protocol may cut the text at it instead, which is no 500 either.
    const nul = await caller.text().then(
      () => "answered",
      (error: { code?: string }) => error.code,
    );
    expect(["answered", "BAD_REQUEST"]).toContain(nul);
  });

  test("asAppError leaves errors that are not data errors as they were", () => {
    const other = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    expect(asAppError(other)).toBe(other);
    const ours = new AppError("NOT_FOUND", "No such campaign");
    expect(asAppError(ours)).toBe(ours);
    expect(asAppError(Object.assign(new Error("Failed query"), { cause: { code: "22P02" } }))).toBeInstanceOf(AppError);
  });

  test("a server action's form shows a data error as a message, not a 500", () => {
    const state = formStateFromError(Object.assign(new Error("Failed query: insert ... params: secret"), { cause: { code: "22021" } }), { name: "x" });
    expect(state.message).toMatch(/can't be saved/);
    expect(JSON.stringify(state)).not.toContain("secret");
  });
});
