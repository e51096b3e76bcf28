// The demo workspace's approvals: brand rules, a two-stage policy for social and
// blog content (Maya Patel's marketing review, then any admin's sign-off), posts
// waiting on Maya (one of them overdue), and one approved through both stages.
// Made through the same services people use, so histories read as if the team
// had done it.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "./client";
import { approvalPolicies, contentItems, workspaces } from "./schema";
import type { ApprovalStagePolicy } from "./schema/enum-values";
import { decideApproval } from "@/server/services/approvals/decide-approval";
import { requestContentApproval } from "@/server/services/approvals/request-approval";
import { todayIn } from "@/server/services/date-time/format";
import { addBusinessDaysAt, isBusinessDay, toBusinessDay } from "@/server/services/timeline/business-days";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `at`, or the same time of day on the last business day before it: a stage's timeout falls on business days only. */
function onBusinessDay(at: Date, timeZone: string, holidayCountry: string | null): Date {
  const day = todayIn(timeZone, at);
  if (isBusinessDay(day, holidayCountry)) return at;
  const back = (Date.parse(day) - Date.parse(toBusinessDay(day, holidayCountry, -1))) / DAY_MS;
  return new Date(at.getTime() - back * DAY_MS);
}

export async function seedDemoApprovals(db: Database, input: { workspaceId: string; people: Map<string, { id: string }> }): Promise<void> {
  const person = (email: string) => input.people.get(email)!.id;
  const [workspace] = await db
    .update(workspaces)
    .set({
      brandRules: {
        bannedPhrases: [
          { phrase: "guaranteed", replacement: "expected" },
          { phrase: "best-in-class", replacement: "leading" },
          { phrase: "synergy", replacement: "" },
        ],
        disclaimers: { ad: "Terms apply." },
      },
    })
    .where(eq(workspaces.id, input.workspaceId))
    .returning({ timeZone: workspaces.timeZone, holidayCountry: workspaces.holidayCountry });

  const stages: ApprovalStagePolicy[] = [
    {
      name: "Marketing review",
      approvers: { userIds: [person("manager@demo.test")], roles: [], emails: [] },
      rule: "any",
      quorum: null,
      remindEveryHours: 4,
      timeout: { amount: 1, unit: "business_days" },
      onTimeout: { remind: true, escalateTo: { userIds: [person("lena@demo.test")], roles: [] }, then: "approve" },
    },
    {
      name: "Admin sign-off",
      approvers: { userIds: [], roles: ["admin"], emails: [] },
      rule: "any",
      quorum: null,
      remindEveryHours: null,
      timeout: { amount: 2, unit: "business_days" },
      onTimeout: { remind: true, escalateTo: null, then: "expire" },
    },
  ];
  await db.insert(approvalPolicies).values({
    workspaceId: input.workspaceId,
    name: "Marketing review, then admin sign-off",
    stages,
    requireChecks: true,
    channels: ["linkedin", "x", "instagram", "facebook", "blog"],
  });

  const items = await db
    .select({ id: contentItems.id, title: contentItems.title })
    .from(contentItems)
    .where(and(eq(contentItems.workspaceId, input.workspaceId), inArray(contentItems.title, ["Contoso story teaser", "Northwind in pictures", "Launch thread", "Webinar announcement"])));
  const item = (title: string) => items.find((row) => row.title === title)!.id;
  const ask = (title: string, requester: string, now?: Date) =>
    requestContentApproval(db, { workspaceId: input.workspaceId, actorId: person(requester), contentItemId: item(title), now });

  await ask("Contoso story teaser", "priya@demo.test");
  await ask("Northwind in pictures", "marketer@demo.test");
  // Asked a business day before its stage timed out, a little while ago; the escalation comes a business day after that.
  const timedOut = onBusinessDay(new Date(Date.now() - 2 * HOUR_MS), workspace!.timeZone, workspace!.holidayCountry);
  await ask("Launch thread", "marketer@demo.test", addBusinessDaysAt(timedOut, -1, workspace!.timeZone, workspace!.holidayCountry));
  // Through both stages: Maya's review, then Alex's sign-off.
  const approved = await ask("Webinar announcement", "priya@demo.test");
  await decideApproval(db, { workspaceId: input.workspaceId, by: { userId: person("manager@demo.test") }, requestId: approved.id, version: approved.version, decision: "approved", comment: "Clear and on brand." });
  await decideApproval(db, { workspaceId: input.workspaceId, by: { userId: person("admin@demo.test") }, requestId: approved.id, version: approved.version, decision: "approved", comment: "" });
}
