import { createHash, createHmac, randomBytes } from "node:crypto";
import { authSecret } from "@/server/auth/secret";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A fresh link token. Only its hash and a nonce are stored: the token is the
 * server secret's HMAC of the nonce, so the email (sent later, by a workflow)
 * can rebuild the link while a leaked table still opens no door.
 */
export function newInvitationToken(): { token: string; tokenHash: string; tokenNonce: string } {
  const tokenNonce = randomBytes(16).toString("base64url");
  const token = invitationTokenFromNonce(tokenNonce);
  return { token, tokenHash: hashInvitationToken(token), tokenNonce };
}

export function invitationTokenFromNonce(nonce: string): string {
  return createHmac("sha256", authSecret()).update(`invitation-token:${nonce}`).digest("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
