// A fingerprint of exactly what an approval is given for: two versions with the
// same fingerprint are the same content, whatever their numbers.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export function approvalFingerprint(subject: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalize(subject) ?? "").digest("hex");
}

export function contentFingerprint(item: { channel: string; title: string; body: string; media: { url: string; alt: string }[] }): string {
  return approvalFingerprint({ channel: item.channel, title: item.title, body: item.body, media: item.media });
}
