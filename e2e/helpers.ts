import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expectToast } from "./toast";

export { expectAccessible } from "./accessibility";

export const DEMO_PASSWORD = "crescendo-demo";

/** The demo admin's session, saved once by auth.setup.ts. */
export const ADMIN_STATE = "e2e/.auth/admin.json";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** Signs up a new person with a workspace of their own (its admin) and returns their email: for journeys that change workspace-wide settings or end sessions, which must not touch the shared demo workspace or session. */
export async function signUp(page: Page, name: string, password = DEMO_PASSWORD): Promise<string> {
  const email = uniqueEmail("person");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Workspace name").fill(`${name}'s Team`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
  return email;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** As the signed-in admin on `page`: invites `email` (as a marketer unless `role`, its label, says otherwise) from the team page and returns the link from the outbox email. */
export async function inviteAndReadLink(page: Page, email: string, role?: "Admin" | "Manager" | "Marketer" | "Viewer"): Promise<string> {
  await page.goto("/team");
  const invite = page.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(email);
  if (role) await invite.getByLabel("Role").selectOption(role);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expectToast(page, `Invitation sent to ${email}.`);
  // The email comes from a workflow a moment after the invitation: the outbox page is read again until it is there.
  const article = page.getByRole("article").filter({ hasText: email });
  await expect(async () => {
    await page.goto("/outbox");
    await expect(article).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const body = await article.locator("pre").innerText();
  const link = body.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  expect(link, "the invitation email carries a link").toBeTruthy();
  return link!;
}

/** Accepts an invitation `link` as a new person named `name`, in a browser context of their own; returns their page, signed in. */
export async function joinWithLink(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(`${name}'s long password`);
  await page.getByRole("button", { name: "Accept and join" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
  return page;
}

/**
 * The time budget of a journey of many steps: twice the default. With three
 * workers on two busy cores the every-page journey took 78 s, so long journeys
 * get 120 s, and the longest a multiple of that.
 */
export const LONG_JOURNEY_TIMEOUT = 120_000;

/**
 * Chooses `value` in `select` until the page answers (`answered` passes within 2 s). A select changed
 * before the page's scripts have run changes nothing, and on a busy machine "network idle" can come
 * before them: choosing again is what a person would do.
 */
export async function chooseUntilAnswered(select: Locator, value: string, answered: () => Promise<unknown>) {
  await expect(async () => {
    await select.selectOption(value);
    await answered();
  }).toPass({ timeout: 20_000 });
}
