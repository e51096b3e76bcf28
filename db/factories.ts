// Builders for users, workspaces, members and workflow runs, shared by the demo
// seed, the integration tests and the e2e journeys. Emails are unique per call.
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import { hashPassword } from "@/server/auth/password";
import type { Database } from "./client";
import {
  approvalPolicies,
  campaigns,
  contentItems,
  contentVersions,
  memberships,
  milestones,
  users,
  tasks,
  workflowEvents,
  workflowFunctions,
  workflowJobs,
  workflowRuns,
  workflowSteps,
  workflowWaits,
  workspaces,
} from "./schema";
import type { CampaignType, Channel } from "./schema/campaigns";
import type { ApprovalStagePolicy } from "./schema/enum-values";
import type { MemberRole } from "./schema/workspaces";

export const DEFAULT_PASSWORD = "correct horse battery";

// Argon2 is slow on purpose; reuse one hash per distinct password.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string } = {},
) {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const email = (overrides.email ?? uniqueEmail()).toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? email.split("@")[0]!, passwordHash: await cachedHash(password) })
    .returning();
  return { ...user!, password };
}

export async function createWorkspace(db: Database, overrides: { name?: string } = {}) {
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: overrides.name ?? `Workspace ${randomUUID().slice(0, 6)}` })
    .returning();
  return workspace!;
}

export async function addMember(db: Database, input: { workspaceId: string; userId: string; role: MemberRole }) {
  await db.insert(memberships).values(input);
}

/** A workspace with one member per role, the usual cast of a test. */
export async function createTeam(db: Database, overrides: { name?: string } = {}) {
  const workspace = await createWorkspace(db, overrides);
  const cast = {} as Record<MemberRole, Awaited<ReturnType<typeof createUser>>>;
  for (const role of ["admin", "manager", "marketer", "viewer"] as const) {
    cast[role] = await createUser(db, { email: uniqueEmail(role), name: `${role[0]!.toUpperCase()}${role.slice(1)} ${workspace.name}` });
    await addMember(db, { workspaceId: workspace.id, userId: cast[role].id, role });
  }
  return { workspace, ...cast };
}

export type WorkflowRunFixture = "queued" | "sleeping" | "waiting" | "completed" | "failed" | "cancelled";

/**
 * A workflow run written straight into the executor's tables, as an executor
 * would leave it: "sleeping" has a completed step and a sleep with its wake job
 * due in an hour, "waiting" a waitForEvent with its timeout job, "failed" a
 * completed step and the step that failed. Steps have fixed ids ("step-nap").
 */
export async function createWorkflowRun(
  db: Database,
  input: {
    workspaceId: string | null;
    status?: WorkflowRunFixture;
    functionId?: string;
    functionName?: string;
    eventName?: string;
    data?: Record<string, unknown>;
  },
) {
  const status = input.status ?? "sleeping";
  const functionId = input.functionId ?? "crescendo-test-function";
  await db
    .insert(workflowFunctions)
    .values({
      id: functionId,
      appId: "crescendo",
      name: input.functionName ?? "Test function",
      url: "http://127.0.0.1:1/api/inngest",
      config: { id: functionId },
    })
    .onConflictDoNothing();

  const data = { ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}), ...input.data };
  const event = { name: input.eventName ?? "test/started", id: randomUUID(), data, ts: Date.now() };
  await db.insert(workflowEvents).values({ id: event.id, name: event.name, data, payload: event });

  const now = Date.now();
  const at = (offsetMs: number) => new Date(now + offsetMs);
  const error = status === "failed" ? { name: "Error", message: "The mail server refused the message" } : null;
  const [run] = await db
    .insert(workflowRuns)
    .values({
      functionId,
      eventId: event.id,
      event,
      workspaceId: input.workspaceId,
      status,
      stepCount: status === "queued" ? 0 : status === "failed" ? 2 : 1,
      output: status === "completed" ? { done: true } : null,
      error,
      createdAt: at(-60_000),
      startedAt: status === "queued" ? null : at(-59_000),
      endedAt: ["completed", "failed", "cancelled"].includes(status) ? at(-1_000) : null,
    })
    .returning();
  const runId = run!.id;

  const steps: (typeof workflowSteps.$inferInsert)[] = [];
  if (status !== "queued") {
    const memo = { data: { prepared: true } };
    steps.push({ runId, stepId: "step-prepare", name: "prepare", op: "StepRun", status: "completed", attempts: 1, memo, stored: true, seq: 1, startedAt: at(-59_000), endedAt: at(-58_000) });
  }
  if (status === "sleeping" || status === "cancelled") {
    steps.push({ runId, stepId: "step-nap", name: "nap", op: "Sleep", status: status === "sleeping" ? "sleeping" : "cancelled", dueAt: at(3_600_000), createdAt: at(-58_000) });
  }
  if (status === "waiting") {
    steps.push({ runId, stepId: "step-approval", name: "approval", op: "WaitForEvent", status: "waiting", dueAt: at(3_600_000), createdAt: at(-58_000) });
  }
  if (status === "failed") {
    steps.push({ runId, stepId: "step-send", name: "send", op: "StepRun", status: "failed", attempts: 3, memo: { error }, stored: true, seq: 2, error, startedAt: at(-58_000), endedAt: at(-1_000) });
  }
  if (steps.length > 0) await db.insert(workflowSteps).values(steps);

  if (status === "queued") await db.insert(workflowJobs).values({ kind: "call", functionId, runId });
  if (status === "sleeping") await db.insert(workflowJobs).values({ kind: "wake", functionId, runId, stepId: "step-nap", dueAt: at(3_600_000) });
  if (status === "waiting") {
    await db.insert(workflowJobs).values({ kind: "timeout", functionId, runId, stepId: "step-approval", dueAt: at(3_600_000) });
    await db.insert(workflowWaits).values({ runId, stepId: "step-approval", eventName: "test/approved" });
  }
  return run!;
}

/** "YYYY-MM-DD" for a day `offset` days from today (UTC). */
export function dayFromToday(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A campaign written straight into the table (no audit entry), running from 10 days ago to 30 days ahead unless told. */
export async function createCampaign(
  db: Database,
  input: { workspaceId: string; ownerId: string } & Partial<Omit<typeof campaigns.$inferInsert, "workspaceId" | "ownerId">> & {
      type?: CampaignType;
    },
) {
  const [campaign] = await db
    .insert(campaigns)
    .values({
      name: `Campaign ${randomUUID().slice(0, 6)}`,
      type: "product_launch",
      startDate: dayFromToday(-10),
      launchDate: dayFromToday(10),
      endDate: dayFromToday(30),
      channels: ["email", "linkedin"],
      audience: "Existing customers",
      ...input,
    })
    .returning();
  return campaign!;
}

export async function createMilestone(
  db: Database,
  input: { workspaceId: string; campaignId: string; name?: string; dueDate?: string; position?: number },
) {
  const [milestone] = await db
    .insert(milestones)
    .values({ name: "Creative ready", dueDate: dayFromToday(5), ...input })
    .returning();
  return milestone!;
}

/** A content item with its first version, scheduled a week ahead at 09:00 UTC unless told. */
export async function createContentItem(
  db: Database,
  input: { workspaceId: string; campaignId: string; channel?: Channel; title?: string; body?: string; scheduledAt?: Date | null; createdById?: string },
) {
  const values = {
    channel: "linkedin" as Channel,
    title: "Launch announcement",
    body: "We are live. Read the story on our blog.",
    scheduledAt: new Date(`${dayFromToday(7)}T09:00:00Z`),
    ...input,
  };
  const [item] = await db.insert(contentItems).values(values).returning();
  await db.insert(contentVersions).values({
    workspaceId: input.workspaceId,
    contentItemId: item!.id,
    version: 1,
    title: item!.title,
    body: item!.body,
    createdById: input.createdById ?? null,
  });
  return item!;
}

/** A task at the bottom of its column (to do unless told), due in a week at 17:00 UTC unless told. */
export async function createTask(
  db: Database,
  input: { workspaceId: string } & Partial<Omit<typeof tasks.$inferInsert, "workspaceId">>,
) {
  const status = input.status ?? "todo";
  const [last] = await db
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.status, status)))
    .orderBy(desc(tasks.position))
    .limit(1);
  const [task] = await db
    .insert(tasks)
    .values({
      title: `Task ${randomUUID().slice(0, 6)}`,
      dueAt: new Date(`${dayFromToday(7)}T17:00:00Z`),
      estimateHours: 2,
      position: generateKeyBetween(last?.position ?? null, null),
      completedAt: status === "done" ? new Date() : null,
      ...input,
      status,
    })
    .returning();
  return task!;
}

/** A stage any manager approves, reminded once and escalated to the admins at two business days, then expired; unless told. */
export function approvalStage(overrides: Partial<ApprovalStagePolicy> = {}): ApprovalStagePolicy {
  return {
    name: "Manager review",
    approvers: { userIds: [], roles: ["manager"], emails: [] },
    rule: "any",
    quorum: null,
    remindEveryHours: null,
    timeout: { amount: 2, unit: "business_days" },
    onTimeout: { remind: true, escalateTo: { userIds: [], roles: ["admin"] }, then: "expire" },
    ...overrides,
  };
}

/** An approval policy of one manager stage unless told, the default for nothing unless told. */
export async function createApprovalPolicy(
  db: Database,
  input: { workspaceId: string; name?: string; stages?: ApprovalStagePolicy[]; channels?: Channel[]; campaignTypes?: CampaignType[]; allowSelfApproval?: boolean; requireChecks?: boolean },
) {
  const [policy] = await db
    .insert(approvalPolicies)
    .values({ name: `Policy ${randomUUID().slice(0, 6)}`, stages: [approvalStage()], ...input })
    .returning();
  return policy!;
}
