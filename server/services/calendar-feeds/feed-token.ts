import { createHmac, randomBytes } from "node:crypto";
import { authSecret } from "@/server/auth/secret";
import { appUrl } from "@/server/env";
import { hashInvitationToken } from "@/server/services/invitations/invitation-token";

// Feed links are made like invitation links: the token is the server secret's
// HMAC of a stored nonce, and only the token's hash is looked up, so the URL can
// be shown again while a leaked table opens no calendar. The HMAC is labelled
// for feeds, so no nonce can ever yield a valid invitation token, or the reverse.

export function newFeedToken(): { token: string; tokenHash: string; tokenNonce: string } {
  const tokenNonce = randomBytes(16).toString("base64url");
  const token = feedTokenFromNonce(tokenNonce);
  return { token, tokenHash: hashFeedToken(token), tokenNonce };
}

export function feedTokenFromNonce(nonce: string): string {
  return createHmac("sha256", authSecret()).update(`calendar-feed-token:${nonce}`).digest("base64url");
}

/** The same one-way hash invitations use; feeds and invitations live in different tables. */
export const hashFeedToken = hashInvitationToken;

/** The address calendar apps subscribe to. */
export function feedUrl(nonce: string): string {
  return `${appUrl()}/api/calendar/${feedTokenFromNonce(nonce)}.ics`;
}
