// The emailed review link's token: the approver row's id and the server secret's
// HMAC of that id and the row's nonce. Nothing about it is stored; it is checked by
// computing it again, in constant time. Each round of a stage has new approver
// rows with new nonces, so a link is bound to one approver, one request and one
// round (and with it, one version).
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/server/auth/secret";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** Binds both: a signature is worth nothing for any other row, whatever its nonce. */
function sign(approver: { id: string; tokenNonce: string }): Buffer {
  return createHmac("sha256", authSecret()).update(`approval-review:${approver.id}:${approver.tokenNonce}`).digest();
}

export function reviewToken(approver: { id: string; tokenNonce: string }): string {
  return `${approver.id}.${sign(approver).toString("base64url")}`;
}

/** The approver a token claims to be for, or null for anything that is not shaped like a token. */
export function approverIdOf(token: string): string | null {
  const [approverId, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !approverId || !signature || !UUID.test(approverId) || !SIGNATURE.test(signature)) return null;
  return approverId;
}

/** Whether `token` is the one this approver row's nonce makes. */
export function reviewTokenMatches(token: string, approver: { id: string; tokenNonce: string }): boolean {
  if (approverIdOf(token) !== approver.id) return false;
  // Compared as text: decoding first would accept another spelling of the last base64 character.
  const given = Buffer.from(token.slice(approver.id.length + 1));
  const expected = Buffer.from(sign(approver).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const reviewPath = (token: string) => `/review/${token}`;
