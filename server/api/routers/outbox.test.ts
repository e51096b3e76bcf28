import { deliverInvitationEmails } from "@/db/test-outbox";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { callerFor } from "@/server/api/test-caller";
import { test } from "@/db/test-db";
import { sendMail } from "@/server/services/mail/send-mail";

describe("outbox router", () => {
  test("list: the workspace's emails, newest first, and none of another workspace's", async ({ db }) => {
    const alpha = await createTeam(db, { name: "Alpha" });
    const beta = await createTeam(db, { name: "Beta" });
    const admin = await callerFor(db, alpha.admin);
    await admin.invitation.create({ email: "first@example.test", role: "viewer" });
    await (await callerFor(db, beta.admin)).invitation.create({ email: "beta-only@example.test", role: "viewer" });
    await admin.invitation.create({ email: "second@example.test", role: "viewer" });
    await deliverInvitationEmails(db);
    // Emails without a workspace (sign-up mail, say) are no workspace's business.
    await sendMail(db, { workspaceId: null, to: "system@example.test", subject: "System", text: "Hi", idempotencyKey: "system-1" });

    const outbox = await admin.outbox.list();

    expect(outbox.map((email) => email.to)).toEqual(["second@example.test", "first@example.test"]);
    expect(outbox[0]).toMatchObject({ status: "stored", error: null, sentAt: null });
    expect(outbox[0]!.text).toMatch(/\/invite\/[\w-]+/);
  });
});
