import { approvalRouter } from "./routers/approval";
import { approvalPolicyRouter } from "./routers/approval-policy";
import { assignmentRouter } from "./routers/assignment";
import { calendarRouter } from "./routers/calendar";
import { calendarFeedRouter } from "./routers/calendar-feed";
import { campaignRouter } from "./routers/campaign";
import { contentRouter } from "./routers/content";
import { invitationRouter } from "./routers/invitation";
import { memberRouter } from "./routers/member";
import { milestoneRouter } from "./routers/milestone";
import { notificationRouter } from "./routers/notification";
import { outboxRouter } from "./routers/outbox";
import { planRouter } from "./routers/plan";
import { settingsRouter } from "./routers/settings";
import { taskRouter } from "./routers/task";
import { teamRouter } from "./routers/team";
import { templateRouter } from "./routers/template";
import { workflowRouter } from "./routers/workflow";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  outbox: outboxRouter,
  workflow: workflowRouter,
  campaign: campaignRouter,
  calendar: calendarRouter,
  calendarFeed: calendarFeedRouter,
  milestone: milestoneRouter,
  template: templateRouter,
  plan: planRouter,
  settings: settingsRouter,
  content: contentRouter,
  task: taskRouter,
  team: teamRouter,
  assignment: assignmentRouter,
  notification: notificationRouter,
  approval: approvalRouter,
  approvalPolicy: approvalPolicyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
