import type { Invitation } from "@/db/schema";
import { AppError } from "@/server/errors";

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= Date.now()) return "expired";
  return "pending";
}

export const invitationRefusals: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation has already been used. Sign in to open the workspace.",
  expired: "This invitation has expired. Ask your workspace admin to send a new one.",
  revoked: "This invitation was withdrawn. Ask your workspace admin if you still need access.",
};

export const INVALID_INVITATION = "This invitation link is not valid. Check that you copied the whole link.";

/** Throws the message a person sees when an invitation can no longer be accepted. */
export function assertInvitationPending(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">) {
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new AppError(status === "accepted" ? "CONFLICT" : "BAD_REQUEST", invitationRefusals[status]);
}
