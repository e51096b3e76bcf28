import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { auditLog, workspaces } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";
import { defaultTemplateTasks } from "@/server/services/timeline/default-template-tasks";
import { defaultTemplates } from "@/server/services/timeline/default-templates";

const prep = [
  { name: "Kick-off", businessDaysBeforeLaunch: 10 },
  { name: "Go live", businessDaysBeforeLaunch: 0 },
];

describe("template router", () => {
  test("list: every campaign type, built-in until the workspace saves its own; update and reset are recorded", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);

    const builtIn = await (await callerFor(db, team.viewer)).template.list();
    expect(builtIn.map((t) => t.type)).toEqual(["product_launch", "webinar", "newsletter", "content_series", "outreach", "event", "paid_ads"]);
    expect(builtIn.every((t) => !t.custom)).toBe(true);

    expect(await manager.template.update({ type: "webinar", milestones: [{ name: "  Kick-off ", businessDaysBeforeLaunch: 10 }, prep[1]!] })).toMatchObject({
      custom: true,
      milestones: prep,
    });
    const edited = await manager.template.list();
    expect(edited.find((t) => t.type === "webinar")).toMatchObject({ custom: true, milestones: prep });
    expect(edited.find((t) => t.type === "newsletter")).toMatchObject({ custom: false, milestones: defaultTemplates.newsletter });

    expect(await manager.template.reset({ type: "webinar" })).toMatchObject({ custom: false, milestones: defaultTemplates.webinar });
    expect((await manager.template.list()).find((t) => t.type === "webinar")).toMatchObject({ custom: false, milestones: defaultTemplates.webinar });

    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "campaign_template"), eq(auditLog.entityId, "webinar"))).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["updated", team.manager.id],
      ["reset", team.manager.id],
    ]);
    expect(entries[0]!.before).toEqual({ custom: false, milestones: defaultTemplates.webinar, tasks: defaultTemplateTasks.webinar });
    // Saved without tasks: the template keeps the built-in ones.
    expect(entries[0]!.after).toEqual({ custom: true, milestones: prep, tasks: defaultTemplateTasks.webinar });
  });

  test("update: bad milestones are refused field by field and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const before = await snapshotDatabase(db);

    const empty = await callError(manager.template.update({ type: "webinar", milestones: [] }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(empty)).toEqual({ milestones: ["Keep at least one milestone"] });

    const tooMany = await callError(manager.template.update({ type: "webinar", milestones: Array.from({ length: 21 }, (_, i) => ({ name: `Step ${i}`, businessDaysBeforeLaunch: i })) }));
    expect(fieldErrorsOf(tooMany)).toEqual({ milestones: ["Use at most 20 milestones"] });

    const bad = await callError(
      manager.template.update({
        type: "webinar",
        milestones: [
          { name: " ", businessDaysBeforeLaunch: 1 },
          { name: "x".repeat(81), businessDaysBeforeLaunch: 251 },
          { name: "After", businessDaysBeforeLaunch: -61 },
          { name: "Half", businessDaysBeforeLaunch: 1.5 },
        ],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const messages = JSON.stringify(bad.cause);
    for (const message of [
      "Give the milestone a name",
      "Use at most 80 characters",
      "A milestone can be at most 250 business days before launch",
      "A milestone can be at most 60 business days after launch",
      "Enter the business days before launch as a whole number",
    ]) {
      expect(messages).toContain(message);
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("preview: the workspace's template dated back from launch over its holidays, with its default buffer unless one is given", async ({ db }) => {
    const team = await createTeam(db);
    await db.update(workspaces).set({ holidayCountry: "US", milestoneBufferDays: 1 }).where(eq(workspaces.id, team.workspace.id));
    const manager = await callerFor(db, team.manager);
    await manager.template.update({ type: "webinar", milestones: [{ name: "Invites out", businessDaysBeforeLaunch: 2 }, { name: "Webinar day", businessDaysBeforeLaunch: 0 }] });
    const viewer = await callerFor(db, team.viewer);

    // Launch Monday 2026-11-30; Thanksgiving (26th) and the weekend don't count.
    const withDefault = await viewer.template.preview({ type: "webinar", launchDate: "2026-11-30" });
    expect(withDefault.bufferDays).toBe(1);
    expect(withDefault.milestones.map((m) => [m.name, m.dueDate])).toEqual([
      ["Invites out", "2026-11-24"],
      ["Webinar day", "2026-11-30"],
    ]);
    const noBuffer = await viewer.template.preview({ type: "webinar", launchDate: "2026-11-30", bufferDays: 0 });
    expect(noBuffer.milestones.map((m) => m.dueDate)).toEqual(["2026-11-25", "2026-11-30"]);
  });
});
