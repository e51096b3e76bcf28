// The keys between this app and the embedded executor. Derived from the auth
// secret, so every process of one installation agrees on them with no set-up,
// and requests to /api/inngest are signed even on one machine.
import { createHmac } from "node:crypto";
import { authSecret } from "@/server/auth/secret";

function derive(purpose: string): string {
  return createHmac("sha256", authSecret()).update(`crescendo-workflows:${purpose}`).digest("hex");
}

export function embeddedSigningKey(): string {
  return `signkey-prod-${derive("signing-key")}`;
}

export function embeddedEventKey(): string {
  return derive("event-key");
}
