import { describe, expect } from "vitest";
import { addMember, createCampaign, createUser, createWorkspace } from "@/db/factories";
import { outboxEmails } from "@/db/schema";
import { test } from "@/db/test-db";
import { inviteMember } from "../invitations/invite-member";
import { sendFollowUpEmail, sendWelcomeEmail, workspaceProgress } from "./welcome-emails";

describe("onboarding emails", () => {
  test("the welcome and the follow-up go to the workspace's creator, once each however often they are sent", async ({ db }) => {
    const workspace = await createWorkspace(db, { name: "Nimbus" });
    const owner = await createUser(db, { email: "ada@nimbus.test", name: "Ada" });
    await addMember(db, { workspaceId: workspace.id, userId: owner.id, role: "admin" });
    const target = { workspaceId: workspace.id, actorId: owner.id };

    expect(await sendWelcomeEmail(db, target)).toEqual({ sent: true });
    expect(await sendWelcomeEmail(db, target)).toEqual({ sent: true });
    await sendFollowUpEmail(db, target);

    const emails = await db.select().from(outboxEmails).orderBy(outboxEmails.createdAt);
    expect(emails.map((email) => [email.to, email.subject])).toEqual([
      ["ada@nimbus.test", "Welcome to Crescendo, Ada"],
      ["ada@nimbus.test", "Next steps for Nimbus"],
    ]);
    expect(emails[1]!.text).toContain("http://crescendo.test/team");
  });

  test("someone who is no longer a member gets nothing", async ({ db }) => {
    const workspace = await createWorkspace(db, { name: "Nimbus" });
    const stranger = await createUser(db, { email: "gone@nimbus.test", name: "Gone" });
    expect(await sendWelcomeEmail(db, { workspaceId: workspace.id, actorId: stranger.id })).toEqual({ sent: false });
    expect(await db.select().from(outboxEmails)).toEqual([]);
  });

  test("a workspace has got going once it has planned a campaign; a teammate alone does not count", async ({ db }) => {
    const workspace = await createWorkspace(db, { name: "Nimbus" });
    const owner = await createUser(db, { email: "ada@nimbus.test", name: "Ada" });
    await addMember(db, { workspaceId: workspace.id, userId: owner.id, role: "admin" });
    expect(await workspaceProgress(db, workspace.id)).toEqual({ campaigns: 0, members: 1, started: false });

    await inviteMember(db, { workspaceId: workspace.id, actorId: owner.id, email: "bo@nimbus.test", role: "marketer" });
    expect(await workspaceProgress(db, workspace.id)).toEqual({ campaigns: 0, members: 1, started: false });

    await createCampaign(db, { workspaceId: workspace.id, ownerId: owner.id });
    expect(await workspaceProgress(db, workspace.id)).toEqual({ campaigns: 1, members: 1, started: true });
  });
});
