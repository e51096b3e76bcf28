// One row per procedure of appRouter: who may call it, and a valid input aimed at a
// team's data. Procedures are enumerated from the router itself, so one added
// later fails server/api/security/coverage.test.ts until it has a row here.
import type { AnyTRPCProcedure } from "@trpc/server";
import { dayFromToday } from "@/db/factories";
import type { MemberRole } from "@/db/schema/workspaces";
import { appRouter } from "../root";
import type { Team } from "./seed-team";

/** Who may call: anyone; anyone signed in (acting on their own account, not a workspace); or members from a role up. */
export type Access = "public" | "signed-in" | MemberRole;

export interface Sample {
  access: Access;
  /** A valid input aimed at `team`'s data; the matrix aims it at another workspace too. */
  input?: (team: Team) => unknown;
}

// One row per procedure path. The first test fails for a procedure without one.
export const samples: Record<string, Sample> = {
  "workspace.list": { access: "signed-in" },
  "workspace.current": { access: "viewer" },
  "workspace.create": { access: "signed-in", input: () => ({ name: "Probe Workspace" }) },
  "member.list": { access: "viewer" },
  "member.changeRole": { access: "admin", input: (team) => ({ userId: team.marketer.id, role: "viewer" }) },
  "member.remove": { access: "admin", input: (team) => ({ userId: team.marketer.id }) },
  "invitation.list": { access: "admin" },
  // A new address: the team's open invitation would be refused as already invited.
  "invitation.create": { access: "admin", input: () => ({ email: "probe-invitee@example.test", role: "admin" }) },
  "invitation.resend": {
    access: "admin",
    input: (team) => ({ invitationId: team.invitation.id, requestId: "5f0c6a1e-8d2b-4c3a-9e7f-1a2b3c4d5e6f" }),
  },
  "invitation.revoke": { access: "admin", input: (team) => ({ invitationId: team.invitation.id }) },
  "outbox.list": { access: "admin" },
  "workflow.listRuns": { access: "manager", input: () => ({}) },
  "workflow.listFunctions": { access: "manager" },
  "workflow.getRun": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id }) },
  "workflow.cancelRun": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id }) },
  "workflow.retryRun": { access: "manager", input: (team) => ({ runId: team.failedRun.id }) },
  "workflow.wakeStep": { access: "manager", input: (team) => ({ runId: team.sleepingRun.id, stepId: "step-nap" }) },
  "calendar.range": {
    access: "viewer",
    input: () => ({ from: dayFromToday(-31), to: dayFromToday(30), timeZone: "Europe/Berlin" }),
  },
  "calendar.filterOptions": { access: "viewer" },
  "calendarFeed.get": { access: "viewer" },
  "calendarFeed.create": { access: "viewer" },
  "calendarFeed.revoke": { access: "viewer" },
  "campaign.list": { access: "viewer", input: () => ({}) },
  "campaign.get": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "campaign.activity": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "campaign.create": {
    access: "marketer",
    input: (team) => ({
      name: "Probe campaign",
      type: "webinar",
      ownerId: team.marketer.id,
      startDate: dayFromToday(0),
      launchDate: dayFromToday(5),
      endDate: dayFromToday(10),
    }),
  },
  "campaign.update": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, name: "Renamed campaign" }) },
  "campaign.setStatus": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, status: "planned" }) },
  "campaign.restore": { access: "marketer", input: (team) => ({ campaignId: team.archivedCampaign.id }) },
  "campaign.delete": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id }) },
  "milestone.create": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, name: "Probe milestone", dueDate: dayFromToday(3) }) },
  "milestone.update": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id, name: "Renamed milestone", completed: true }) },
  "milestone.reschedule": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id, dueDate: dayFromToday(6) }) },
  "milestone.delete": { access: "marketer", input: (team) => ({ milestoneId: team.milestone.id }) },
  "milestone.regenerate": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id, bufferDays: 1 }) },
  "template.list": { access: "viewer" },
  "plan.criticalPath": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "template.preview": { access: "viewer", input: () => ({ type: "webinar", launchDate: dayFromToday(20) }) },
  "template.update": {
    access: "manager",
    input: () => ({ type: "webinar", milestones: [{ name: "Probe prep", businessDaysBeforeLaunch: 3 }] }),
  },
  "template.reset": { access: "manager", input: () => ({ type: "webinar" }) },
  "settings.get": { access: "viewer" },
  "settings.update": {
    access: "admin",
    input: () => ({ holidayCountry: "DE", timeZone: "Europe/Berlin", channelDailyLimit: 4, milestoneBufferDays: 1, reminderLeadHours: 12, escalationBusinessDays: 3 }),
  },
  "settings.listBlackouts": { access: "viewer" },
  "settings.addBlackout": { access: "manager", input: () => ({ startDate: dayFromToday(40), endDate: dayFromToday(41), reason: "Probe offsite" }) },
  "settings.removeBlackout": { access: "manager", input: (team) => ({ blackoutId: team.blackout.id }) },
  "settings.brandRules": { access: "viewer" },
  // Every channel's disclaimer given, so the hostile probe reaches each.
  "settings.updateBrandRules": {
    access: "admin",
    input: () => ({
      bannedPhrases: [{ phrase: "guaranteed", replacement: "expected" }],
      disclaimers: { email: "Unsubscribe any time.", linkedin: "Terms apply.", x: "Ad", instagram: "Ad", facebook: "Ad", pinterest: "Ad", blog: "Opinions are our own.", ad: "Sponsored" },
    }),
  },
  "content.list": { access: "viewer", input: (team) => ({ campaignId: team.campaign.id }) },
  "content.get": { access: "viewer", input: (team) => ({ contentItemId: team.contentItem.id }) },
  "content.diff": { access: "viewer", input: (team) => ({ contentItemId: team.contentItem.id, from: 1, to: 1 }) },
  "content.create": {
    access: "marketer",
    input: (team) => ({ campaignId: team.campaign.id, channel: "linkedin", title: "Probe post", body: "Hello from the probe" }),
  },
  "content.update": { access: "marketer", input: (team) => ({ contentItemId: team.contentItem.id, body: "A changed body" }) },
  "content.reschedule": {
    access: "marketer",
    input: (team) => ({ contentItemId: team.contentItem.id, localDateTime: `${dayFromToday(3)}T09:00`, timeZone: "Europe/Berlin" }),
  },
  "content.delete": { access: "marketer", input: (team) => ({ contentItemId: team.contentItem.id }) },
  "task.board": { access: "viewer", input: () => ({}) },
  "task.column": { access: "viewer", input: () => ({ status: "todo" }) },
  "task.list": { access: "viewer", input: () => ({}) },
  "task.get": { access: "viewer", input: (team) => ({ taskId: team.task.id }) },
  "task.options": { access: "viewer" },
  "task.today": { access: "viewer", input: () => ({}) },
  "task.create": { access: "marketer", input: (team) => ({ title: "Probe task", campaignId: team.campaign.id }) },
  "task.update": { access: "marketer", input: (team) => ({ taskId: team.task.id, title: "Renamed task" }) },
  "task.move": { access: "marketer", input: (team) => ({ taskId: team.task.id, status: "in_progress", afterTaskId: null }) },
  "task.delete": { access: "marketer", input: (team) => ({ taskId: team.otherTask.id }) },
  "task.addDependency": { access: "marketer", input: (team) => ({ taskId: team.otherTask.id, dependsOnId: team.task.id }) },
  "task.removeDependency": { access: "marketer", input: (team) => ({ taskId: team.dependentTask.id, dependsOnId: team.task.id }) },
  "task.comment": { access: "marketer", input: (team) => ({ taskId: team.task.id, body: "Looks good" }) },
  "team.profiles": { access: "viewer" },
  "team.workload": { access: "viewer" },
  // A marketer changes their own profile and time off; managers anyone's.
  "team.updateProfile": {
    access: "marketer",
    input: (team) => ({ userId: team.marketer.id, skills: ["copywriting"], weeklyCapacityHours: 32, workingDays: [1, 2, 3, 4], timeZone: "Europe/Berlin" }),
  },
  "team.addTimeOff": { access: "marketer", input: (team) => ({ userId: team.marketer.id, startDate: dayFromToday(10), endDate: dayFromToday(12), note: "Probe trip" }) },
  "team.removeTimeOff": { access: "marketer", input: (team) => ({ timeOffId: team.timeOff.id }) },
  "team.addSkill": { access: "manager", input: () => ({ skill: "podcasts" }) },
  "team.removeSkill": { access: "manager", input: () => ({ skill: "events" }) },
  "assignment.assignTask": { access: "marketer", input: (team) => ({ taskId: team.unassignedTask.id }) },
  "assignment.assignCampaign": { access: "marketer", input: (team) => ({ campaignId: team.campaign.id }) },
  // Everyone reads and changes only their own notifications; the viewer's is the sample (another's is NOT_FOUND).
  // The blog post's request waits on the viewer (a client's reviewer): deciding is for a stage's approvers, whatever their role.
  "approval.queue": { access: "viewer", input: () => ({ view: "waiting" }) },
  "approval.waitingCount": { access: "viewer" },
  "approval.summary": { access: "viewer" },
  "approval.get": { access: "viewer", input: (team) => ({ requestId: team.approvalRequest.id }) },
  "approval.forContent": { access: "viewer", input: (team) => ({ contentItemId: team.approvalItem.id }) },
  "approval.request": { access: "marketer", input: (team) => ({ contentItemId: team.contentItem.id }) },
  "approval.decide": { access: "viewer", input: (team) => ({ requestId: team.approvalRequest.id, version: 1, decision: "approved" }) },
  "approval.bulkDecide": {
    access: "viewer",
    input: (team) => ({ items: [{ requestId: team.approvalRequest.id, version: 1 }], decision: "rejected", comment: "Not on brand" }),
  },
  "approval.withdraw": { access: "marketer", input: (team) => ({ requestId: team.approvalRequest.id }) },
  "notification.list": { access: "viewer", input: () => ({}) },
  "notification.unreadCount": { access: "viewer" },
  "notification.markRead": { access: "viewer", input: (team) => ({ notificationId: team.notification.id }) },
  "notification.markAllRead": { access: "viewer" },
  "notification.preferences": { access: "viewer" },
  "notification.updatePreferences": {
    access: "viewer",
    input: () => ({ channels: [{ kind: "assigned", channel: "email" }], quietHoursStart: "22:00", quietHoursEnd: "07:00", digestHour: 9, dailyDigest: true, weeklyDigest: false }),
  },
  "approvalPolicy.list": { access: "viewer" },
  // Every optional part filled in, so the hostile probe reaches each field.
  "approvalPolicy.save": {
    access: "admin",
    input: (team) => ({
      policyId: team.approvalPolicy.id,
      name: "Probe review",
      stages: [
        {
          name: "Probe stage",
          approvers: { userIds: [team.manager.id], roles: ["admin"], emails: ["reviewer@probe.test"] },
          rule: "at_least",
          quorum: 2,
          remindEveryHours: 4,
          timeout: { amount: 8, unit: "business_hours" },
          onTimeout: { remind: true, escalateTo: { userIds: [team.admin.id], roles: ["admin"] }, then: "approve" },
        },
      ],
      allowSelfApproval: false,
      requireChecks: true,
      campaignTypes: ["webinar"],
      channels: ["linkedin"],
    }),
  },
  "approvalPolicy.delete": { access: "admin", input: (team) => ({ policyId: team.approvalPolicy.id }) },
};

// At runtime `_def.procedures` is flat, keyed by dotted path ("member.list"); its type is the nested record.
export const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
export const paths = Object.keys(procedures).sort();

export function sampleFor(path: string): Sample {
  const sample = samples[path];
  if (!sample) throw new Error(`${path} has no row in \`samples\` (server/api/security/samples.ts): add its access and a sample input`);
  return sample;
}

/**
 * The matrix runs in several test files so that it spreads over the test workers;
 * each file takes the procedures of the routers in its group. coverage.test.ts
 * checks that every router is in exactly one group.
 */
export const securityGroups = {
  workspace: ["workspace", "member", "invitation", "outbox", "workflow"],
  campaigns: ["campaign", "milestone", "template"],
  calendar: ["calendar", "calendarFeed", "content", "settings"],
  tasks: ["task"],
  plan: ["plan"],
  team: ["team", "assignment"],
  notifications: ["notification"],
  approvals: ["approval"],
  approvalPolicies: ["approvalPolicy"],
} as const;
export type SecurityGroup = keyof typeof securityGroups;
