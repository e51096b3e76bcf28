import { expect, test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible, inviteAndReadLink, LONG_JOURNEY_TIMEOUT, signIn, signOut, uniqueEmail } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

test.use({ storageState: ADMIN_STATE });

test("an admin invites a member, who accepts from the emailed link and signs in", async ({ page, browser }) => {
  const email = uniqueEmail("invitee");
  await page.goto("/team");
  const invite = page.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("Marketer");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expectToast(page, `Invitation sent to ${email}.`);
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toBeVisible();
  await expectAccessible(page);

  // The invitation is in the outbox, with its link.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  const message = page.getByRole("article", { name: "Alex Morgan invited you to Acme Marketing on Crescendo" }).filter({ hasText: email });
  await expect(message).toBeVisible();
  await expectAccessible(page);
  const body = await message.locator("pre").innerText();
  const link = body.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  expect(link, "the email carries an invitation link").toBeTruthy();

  // The invitee opens it in a browser of their own.
  const inviteeContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { name: "Join Acme Marketing" })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Choose a password").fill("ivy's long password");
  await invitee.getByRole("button", { name: "Accept and join" }).click();
  await expect(invitee.getByRole("heading", { name: "Welcome, Ivy" })).toBeVisible();
  await expect(invitee.getByText(`Marketer · ${email}`)).toBeVisible();
  await expectAccessible(invitee);

  // The link works once.
  await signOut(invitee);
  await invitee.goto(link!);
  await expect(
    invitee.getByRole("alert").filter({ hasText: "This invitation has already been used. Sign in to open the workspace." }),
  ).toBeVisible();
  await expectAccessible(invitee);

  // And the new member signs in with the password they chose.
  await signIn(invitee, email, "ivy's long password");
  await expect(invitee.getByRole("button", { name: /current: Acme Marketing/ })).toBeVisible();
  await inviteeContext.close();

  await page.goto("/team");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();
});

test("an admin changes a member's role", async ({ page }) => {
  await page.goto("/team");
  const role = page.getByLabel("Role of Chris Okafor");
  const next = (await role.inputValue()) === "viewer" ? "Marketer" : "Viewer";
  await role.selectOption(next);
  await expectToast(page, `Chris Okafor is now ${next.toLowerCase()}.`);
  await page.reload();
  await expect(page.getByLabel("Role of Chris Okafor")).toHaveValue(next.toLowerCase());
});

test("inviting someone who is already a member is refused next to the email", async ({ page }) => {
  await page.goto("/team");
  const invite = page.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill("marketer@demo.test");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByLabel("Email")).toHaveAccessibleDescription("marketer@demo.test is already a member of this workspace.");
  await expectAccessible(page);
});

test("an admin withdraws an invitation and its link stops working", async ({ page, browser }) => {
  const email = uniqueEmail("withdrawn");
  const link = await inviteAndReadLink(page, email);

  await page.goto("/team");
  await page.getByRole("button", { name: `Withdraw the invitation for ${email}` }).click();
  await expectToast(page, `The invitation for ${email} was withdrawn.`);
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toHaveCount(0);

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("alert").filter({ hasText: "This invitation was withdrawn." })).toBeVisible();
  await expectAccessible(strangerPage);
  await stranger.close();
});

test("an admin removes a member after confirming", async ({ page, browser }) => {
  // A member of our own making, so other journeys keep the demo cast.
  const link = await inviteAndReadLink(page, uniqueEmail("leaver"));
  const leaver = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const leaverPage = await leaver.newPage();
  await leaverPage.goto(link);
  await leaverPage.getByLabel("Your name").fill("Lee Leaver");
  await leaverPage.getByLabel("Choose a password").fill("lee's long password");
  await leaverPage.getByRole("button", { name: "Accept and join" }).click();
  await expect(leaverPage.getByRole("heading", { name: "Welcome, Lee" })).toBeVisible();

  await page.goto("/team");
  await page.getByRole("button", { name: "Remove Lee Leaver" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expectToast(page, "Lee Leaver was removed from the workspace.");
  await expect(page.getByRole("row", { name: /Lee Leaver/ })).toHaveCount(0);

  // Their next visit finds no workspace, and offers to create one.
  await leaverPage.reload();
  await expect(leaverPage.getByRole("heading", { name: "You're not in a workspace yet" })).toBeVisible();
  await expectAccessible(leaverPage);
  await leaver.close();
});

test("inviting someone already invited says so and resends the same link, which still works", async ({ page, browser }) => {
  const email = uniqueEmail("twice");
  const link = await inviteAndReadLink(page, email);

  await page.goto("/team");
  const invite = page.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByLabel("Email")).toHaveAccessibleDescription(`${email} is already invited. Resend the invitation to email the same link again.`);
  await invite.getByRole("button", { name: "Resend the same link" }).click();
  await expectToast(page, `Invitation sent again to ${email}.`);

  // The list offers the same, per invitation.
  // The first resend's toast may still be showing, so wait for this resend's own answer.
  const resent = page.waitForResponse((response) => response.url().includes("invitation.resend") && response.ok());
  await page.getByRole("button", { name: `Resend the invitation to ${email}` }).click();
  await resent;
  await expectToast(page, `Invitation sent again to ${email}.`);

  // Three emails, one link.
  await page.goto("/outbox");
  const bodies = await page.getByRole("article").filter({ hasText: email }).locator("pre").allInnerTexts();
  expect(bodies).toHaveLength(3);
  for (const body of bodies) expect(body).toContain(link);

  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { name: "Join Acme Marketing" })).toBeVisible();
  await invitee.close();
});

test("after a refusal on the accept form, what was typed stays and the focus goes to the problem", async ({ page, browser }) => {
  const email = uniqueEmail("refused");
  const link = await inviteAndReadLink(page, email);
  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);

  // A password the server refuses: the field keeps it and takes the focus.
  await inviteePage.getByLabel("Your name").fill("Rae Refused");
  await inviteePage.getByLabel("Choose a password").fill("short");
  await inviteePage.getByRole("button", { name: "Accept and join" }).click();
  await expect(inviteePage.getByLabel("Choose a password")).toBeFocused();
  await expect(inviteePage.getByLabel("Choose a password")).toHaveValue("short");
  await expect(inviteePage.getByLabel("Your name")).toHaveValue("Rae Refused");

  // The invitation is withdrawn meanwhile: the message takes the focus, the typed password stays.
  await page.goto("/team");
  await page.getByRole("button", { name: `Withdraw the invitation for ${email}` }).click();
  await expectToast(page, `The invitation for ${email} was withdrawn.`);
  await inviteePage.getByLabel("Choose a password").fill("a long enough password");
  await inviteePage.getByRole("button", { name: "Accept and join" }).click();
  const alert = inviteePage.getByRole("alert").filter({ hasText: "withdrawn" });
  await expect(alert).toBeVisible();
  await expect(inviteePage.locator(":focus")).toContainText("withdrawn");
  await expect(inviteePage.getByLabel("Choose a password")).toHaveValue("a long enough password");
  await invitee.close();
});
