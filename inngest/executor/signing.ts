// Signs requests to a serve() endpoint the way the Inngest server does, so the
// SDK runs in its normal signed ("cloud") mode and never serves unsigned calls:
// x-inngest-signature: t=<unix seconds>&s=hex(HMAC-SHA256(key, canonical JSON body + t)),
// where the key is the signing key without its "signkey-<env>-" prefix.
import { createHmac, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";

export function canonicalBody(body: unknown): string {
  const text = canonicalize(body);
  if (text === undefined) throw new Error("request body cannot be serialized");
  return text;
}

export function signatureHeader(canonical: string, signingKey: string, now = new Date()): string {
  const ts = Math.floor(now.getTime() / 1000).toString();
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  const signature = createHmac("sha256", key).update(canonical).update(ts).digest("hex");
  return `t=${ts}&s=${signature}`;
}

/** A fresh signing key in Inngest's format. */
export function generateSigningKey(): string {
  return `signkey-prod-${randomBytes(32).toString("hex")}`;
}
