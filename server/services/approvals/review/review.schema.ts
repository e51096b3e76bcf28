import type { z } from "zod";
import { text } from "@/server/services/shared/text.schema";
import { decideApprovalInput } from "../approvals.schema";

// What the public review page posts: the link's token, the version it showed, and the decision.

export const reviewDecisionInput = decideApprovalInput.pick({ version: true, decision: true, comment: true }).extend({
  token: text({ max: 200, required: "Open the link from your email again: this page lost its token" }),
});

export type ReviewDecisionInput = z.infer<typeof reviewDecisionInput>;
