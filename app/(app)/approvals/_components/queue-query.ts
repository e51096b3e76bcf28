import { channels } from "@/db/schema/enum-values";
import { type ApprovalQueueInput, type ApprovalView, approvalViews } from "@/server/services/approvals/approvals.schema";

// The queue's view, filters, sort and open request live in the address
// (?view=waiting&campaign=&channel=&requester=&stage=&overdue=1&sort=age&request=<id>),
// so a filtered queue, or one request in it, can be shared. Unknown values are dropped, not errors.

type Params = { get(name: string): string | null };

export const FILTER_NAMES = ["campaign", "channel", "requester", "stage", "overdue"] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: string | null) => (value && uuidPattern.test(value) ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | null) => (values.includes(value as T) ? (value as T) : undefined);

export const viewLabels: Record<ApprovalView, string> = {
  waiting: "Waiting on me",
  pending: "All pending",
  mine: "Requested by me",
  decided: "Decided",
};

/** The views a member sees: "All pending" is for managers and admins. */
export const viewsFor = (manager: boolean): ApprovalView[] => approvalViews.filter((view) => manager || view !== "pending");

export function queueView(params: Params, manager: boolean): ApprovalView {
  const view = oneOf(approvalViews, params.get("view")) ?? "waiting";
  return viewsFor(manager).includes(view) ? view : "waiting";
}

export function queueInput(params: Params, manager: boolean): ApprovalQueueInput {
  const stage = Number(params.get("stage"));
  return {
    view: queueView(params, manager),
    campaignId: uuid(params.get("campaign")),
    channel: oneOf(channels, params.get("channel")),
    requesterId: uuid(params.get("requester")),
    stage: Number.isInteger(stage) && stage >= 1 && stage <= 20 ? stage : undefined,
    overdue: params.get("overdue") === "1" || undefined,
    sort: params.get("sort") === "age" ? "age" : "due",
    limit: 50,
  };
}

export const openRequestId = (params: Params) => uuid(params.get("request"));
