import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { auditLog } from "@/db/schema";
import { test } from "@/db/test-db";
import { snapshotDatabase } from "@/db/test-snapshot";
import { callError, callerFor, fieldErrorsOf } from "@/server/api/test-caller";

const planning = { holidayCountry: "DE", timeZone: "Europe/Berlin", channelDailyLimit: 5, milestoneBufferDays: 2, reminderLeadHours: 48, escalationBusinessDays: 3 };

describe("settings router", () => {
  test("get: the planning settings with the countries on offer; an admin's update is kept and recorded", async ({ db }) => {
    const team = await createTeam(db);
    const viewer = await callerFor(db, team.viewer);

    const initial = await viewer.settings.get();
    expect(initial).toMatchObject({ holidayCountry: null, timeZone: "UTC", channelDailyLimit: 3, milestoneBufferDays: 0, reminderLeadHours: 24, escalationBusinessDays: 2 });
    expect(initial.countries).toContainEqual({ code: "US", name: "United States of America" });

    await (await callerFor(db, team.admin)).settings.update({ ...planning, holidayCountry: "de" });
    expect(await viewer.settings.get()).toMatchObject(planning);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "workspace_settings"));
    expect(entry).toMatchObject({
      actorId: team.admin.id,
      entityId: team.workspace.id,
      action: "updated",
      before: { holidayCountry: null, timeZone: "UTC", channelDailyLimit: 3, milestoneBufferDays: 0, reminderLeadHours: 24, escalationBusinessDays: 2 },
      after: planning,
    });

    // Weekends only again.
    await (await callerFor(db, team.admin)).settings.update({ ...planning, holidayCountry: null });
    expect((await viewer.settings.get()).holidayCountry).toBeNull();
  });

  test("update: an unknown country, time zone or out-of-range numbers are refused on their fields and nothing is written", async ({ db }) => {
    const team = await createTeam(db);
    const admin = await callerFor(db, team.admin);
    const before = await snapshotDatabase(db);

    const country = await callError(admin.settings.update({ ...planning, holidayCountry: "XX" }));
    expect(country.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(country)).toEqual({ holidayCountry: ["We have no public holidays for that country. Choose one from the list, or none."] });

    const rest = await callError(
      admin.settings.update({
        holidayCountry: "Germany",
        timeZone: "Mars/Olympus",
        channelDailyLimit: 0,
        milestoneBufferDays: 31,
        reminderLeadHours: 0,
        escalationBusinessDays: 1.5,
      }),
    );
    expect(fieldErrorsOf(rest)).toEqual({
      holidayCountry: ["Choose a country from the list"],
      timeZone: ["Choose a time zone from the list, like Europe/Berlin"],
      channelDailyLimit: ["Allow at least 1 item per channel per day"],
      milestoneBufferDays: ["Use a buffer of at most 30 business days"],
      reminderLeadHours: ["Remind at least 1 hour before"],
      escalationBusinessDays: ["Enter the business days as a whole number"],
    });
    const high = await callError(admin.settings.update({ ...planning, channelDailyLimit: 51 }));
    expect(fieldErrorsOf(high)).toEqual({ channelDailyLimit: ["Use a limit of at most 50 items per channel per day"] });

    expect(await snapshotDatabase(db)).toEqual(before);
  });

  test("blackout dates: a manager adds and removes them; the list is soonest first; bad ranges write nothing", async ({ db }) => {
    const team = await createTeam(db);
    const manager = await callerFor(db, team.manager);
    const viewer = await callerFor(db, team.viewer);

    const offsite = await manager.settings.addBlackout({ startDate: "2026-06-10", endDate: "2026-06-12", reason: "  Company offsite " });
    await manager.settings.addBlackout({ startDate: "2026-05-01", endDate: "2026-05-01", reason: "Product freeze" });
    expect((await viewer.settings.listBlackouts()).map((b) => [b.startDate, b.endDate, b.reason])).toEqual([
      ["2026-05-01", "2026-05-01", "Product freeze"],
      ["2026-06-10", "2026-06-12", "Company offsite"],
    ]);

    const before = await snapshotDatabase(db);
    const backwards = await callError(manager.settings.addBlackout({ startDate: "2026-06-12", endDate: "2026-06-10", reason: "Oops" }));
    expect(fieldErrorsOf(backwards)).toEqual({ endDate: ["The last day can't be before the first day"] });
    const noReason = await callError(manager.settings.addBlackout({ startDate: "2026-06-12", endDate: "2026-06-12", reason: " " }));
    expect(fieldErrorsOf(noReason)).toEqual({ reason: ["Say why nothing should go out, like “Company offsite”"] });
    expect(await snapshotDatabase(db)).toEqual(before);

    await manager.settings.removeBlackout({ blackoutId: offsite.id });
    expect((await viewer.settings.listBlackouts()).map((b) => b.reason)).toEqual(["Product freeze"]);
    const again = await callError(manager.settings.removeBlackout({ blackoutId: offsite.id }));
    expect(again.code).toBe("NOT_FOUND");

    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "blackout_date")).orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(["created", "created", "deleted"]);
  });
});

describe("brand rules", () => {
  const rules = {
    bannedPhrases: [
      { phrase: "guaranteed", replacement: "expected" },
      { phrase: "best  in class", replacement: "" },
    ],
    disclaimers: { linkedin: "  Terms apply. ", email: "", x: "#ad" },
  };

  test("everyone reads them; an admin replaces them, empty disclaimers dropped, and the change is recorded", async ({ db }) => {
    const team = await createTeam(db);
    const viewer = await callerFor(db, team.viewer);
    expect(await viewer.settings.brandRules()).toEqual({ bannedPhrases: [], disclaimers: {} });

    const saved = await (await callerFor(db, team.admin)).settings.updateBrandRules(rules);
    const expected = {
      bannedPhrases: [
        { phrase: "guaranteed", replacement: "expected" },
        { phrase: "best in class", replacement: "" },
      ],
      disclaimers: { linkedin: "Terms apply.", x: "#ad" },
    };
    expect(saved).toEqual(expected);
    expect(await viewer.settings.brandRules()).toEqual(expected);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "workspace_settings"));
    expect(entry).toMatchObject({ actorId: team.admin.id, action: "updated", before: { brandRules: { bannedPhrases: [], disclaimers: {} } }, after: { brandRules: expected } });
  });

  test("only admins change them; duplicates, too many phrases and long disclaimers are refused on their fields, nothing written", async ({ db }) => {
    const team = await createTeam(db);
    const before = await snapshotDatabase(db);
    for (const role of ["viewer", "marketer", "manager"] as const) {
      expect((await callError((await callerFor(db, team[role])).settings.updateBrandRules(rules))).code).toBe("FORBIDDEN");
    }
    const admin = await callerFor(db, team.admin);
    const duplicate = await callError(admin.settings.updateBrandRules({ bannedPhrases: [{ phrase: "Free", replacement: "" }, { phrase: "FREE", replacement: "no cost" }], disclaimers: {} }));
    expect(duplicate.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(duplicate)).toEqual({ bannedPhrases: ["“FREE” is in the list twice. Remove one."] });
    const empty = await callError(admin.settings.updateBrandRules({ bannedPhrases: [{ phrase: "  ", replacement: "x" }], disclaimers: {} }));
    expect(fieldErrorsOf(empty)).toEqual({ bannedPhrases: ["Enter the word or phrase to avoid"] });
    const many = Array.from({ length: 201 }, (_, i) => ({ phrase: `word${i}`, replacement: "" }));
    expect(fieldErrorsOf(await callError(admin.settings.updateBrandRules({ bannedPhrases: many, disclaimers: {} })))).toEqual({ bannedPhrases: ["Keep at most 200 banned phrases"] });
    const long = await callError(admin.settings.updateBrandRules({ bannedPhrases: [], disclaimers: { email: "x".repeat(1001) } }));
    expect(fieldErrorsOf(long)).toEqual({ disclaimers: ["Keep a disclaimer to at most 1,000 characters"] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
