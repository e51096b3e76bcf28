// The data the security matrix aims at: a workspace with something of every kind.
import type { Database } from "@/db";
import { approvalStage, createApprovalPolicy, createCampaign, createContentItem, createMilestone, createTask, createTeam, createWorkflowRun, dayFromToday } from "@/db/factories";
import { blackoutDates, campaignTemplates, memberships, taskDependencies, timeOff } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { inviteMember } from "@/server/services/invitations/invite-member";
import { notify } from "@/server/services/notifications/notify";
import { requestContentApproval } from "@/server/services/approvals/request-approval";

/**
 * A workspace with one member per role, one open invitation (which also put an
 * email in its outbox), two workflow runs, and the marketer's draft campaign with
 * a milestone and a content item, plus an archived campaign; its own webinar
 * timeline template and a blackout date; three tasks of the campaign, the
 * last waiting on the first; the marketer has a skill and time off, and the
 * campaign an unassigned task that needs it. The viewer has an unread notification
 * (the lowest role, so every role has one of its own to mark read). A blog
 * post of the campaign waits for approval by the viewer (a client's reviewer),
 * under the workspace's blog policy (the policy the approval policy samples edit).
 */
export async function seedTeam(db: Database, name: string) {
  const team = await createTeam(db, { name });
  const slug = name.toLowerCase().replaceAll(" ", "-");
  const invitation = await inviteMember(db, {
    workspaceId: team.workspace.id,
    actorId: team.admin.id,
    email: `invitee@${slug}.test`,
    role: "marketer",
  });
  // Runs of the workspace's workflows: one asleep (to cancel or wake), one failed (to retry).
  const sleepingRun = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "sleeping" });
  const failedRun = await createWorkflowRun(db, { workspaceId: team.workspace.id, status: "failed" });
  const campaign = await createCampaign(db, { workspaceId: team.workspace.id, ownerId: team.marketer.id, name: `${name} spring launch` });
  const milestone = await createMilestone(db, { workspaceId: team.workspace.id, campaignId: campaign.id });
  const contentItem = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} teaser post` });
  const archivedCampaign = await createCampaign(db, {
    workspaceId: team.workspace.id,
    ownerId: team.manager.id,
    status: "archived",
    statusBeforeArchive: "completed",
  });
  await db.insert(campaignTemplates).values({
    workspaceId: team.workspace.id,
    type: "webinar",
    milestones: [{ name: `${name} webinar prep`, businessDaysBeforeLaunch: 5 }, { name: "Webinar day", businessDaysBeforeLaunch: 0 }],
  });
  const [blackout] = await db
    .insert(blackoutDates)
    .values({ workspaceId: team.workspace.id, startDate: dayFromToday(20), endDate: dayFromToday(21), reason: `${name} offsite` })
    .returning();
  const task = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} brief`, assigneeId: team.marketer.id });
  const otherTask = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} landing page` });
  const dependentTask = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} launch post` });
  await db.insert(taskDependencies).values({ workspaceId: team.workspace.id, taskId: dependentTask.id, dependsOnId: task.id });
  // Planning: the marketer writes copy and has a day off coming; an unassigned task of the campaign needs copy.
  await db
    .update(memberships)
    .set({ skills: ["copywriting"] })
    .where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.marketer.id)));
  const [away] = await db
    .insert(timeOff)
    .values({ workspaceId: team.workspace.id, userId: team.marketer.id, startDate: dayFromToday(30), endDate: dayFromToday(31), note: `${name} holiday` })
    .returning();
  const unassignedTask = await createTask(db, { workspaceId: team.workspace.id, campaignId: campaign.id, title: `${name} launch copy`, requiredSkills: ["copywriting"] });
  const notificationId = await notify(db, {
    workspaceId: team.workspace.id,
    userId: team.viewer.id,
    kind: "mentioned",
    actorId: team.manager.id,
    taskId: task.id,
    title: `${team.manager.name} mentioned you on “${task.title}”`,
    link: `/tasks/${task.id}`,
    dedupeKey: `seed:${team.workspace.id}`,
  });
  const approvalPolicy = await createApprovalPolicy(db, {
    workspaceId: team.workspace.id,
    name: `${name} client review`,
    channels: ["blog"],
    stages: [
      approvalStage({
        name: "Client review",
        approvers: { userIds: [team.viewer.id], roles: [], emails: [] },
        onTimeout: { remind: true, escalateTo: null, then: "wait" },
      }),
    ],
  });
  const approvalItem = await createContentItem(db, { workspaceId: team.workspace.id, campaignId: campaign.id, channel: "blog", title: `${name} launch story` });
  const approvalRequest = await requestContentApproval(db, { workspaceId: team.workspace.id, actorId: team.marketer.id, contentItemId: approvalItem.id });
  return { ...team, approvalPolicy, notification: { id: notificationId! }, approvalItem, approvalRequest, invitation, sleepingRun, failedRun, campaign, milestone, contentItem, archivedCampaign, blackout: blackout!, task, otherTask, dependentTask, timeOff: away!, unassignedTask };
}
export type Team = Awaited<ReturnType<typeof seedTeam>>;

