import { randomUUID } from "node:crypto";
import { type Browser, expect, test } from "@playwright/test";
import { ADMIN_STATE, chooseUntilAnswered, expectAccessible, LONG_JOURNEY_TIMEOUT, signIn, uniqueEmail } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

test.use({ storageState: ADMIN_STATE });

async function signedInAs(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test("an invitation's run shows up on the runs page without a reload, and its page tells what happened", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  const invitationRuns = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Send an invitation email" }) });
  const before = await invitationRuns.count();
  await expectAccessible(page);

  // Invite someone in another tab; the runs page stays open.
  const other = await context.newPage();
  const email = uniqueEmail("runs");
  await other.goto("/team");
  const invite = other.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expectToast(other, `Invitation sent to ${email}.`);
  await other.close();

  await expect(invitationRuns).not.toHaveCount(before);
  const newest = invitationRuns.first();
  await expect(newest.getByText("Completed")).toBeVisible();
  // Plain words first; the raw event name only behind "Details".
  await expect(newest.getByText(`Invitation email to ${email}, done`)).toBeVisible();
  await expect(newest.getByText("member/invited")).toBeHidden();

  await newest.getByRole("link", { name: "Send an invitation email" }).click();
  await expect(page.getByRole("heading", { name: "Send an invitation email", level: 1 })).toBeVisible();
  await expect(page.getByText(`Invitation email to ${email}, done`)).toBeVisible();
  const trigger = page.getByRole("region", { name: "What started it" });
  await expect(trigger.getByText("A teammate was invited.")).toBeVisible();
  await expect(trigger.getByText("member/invited")).toBeHidden();
  await trigger.getByText("Details: event and ids").click();
  await expect(trigger.getByText("member/invited")).toBeVisible();
  await expect(trigger.getByLabel("Event data")).toContainText("invitationId");
  await expectAccessible(page);
  const steps = page.getByRole("region", { name: /Steps/ });
  await expect(steps.getByRole("article")).not.toHaveCount(0);
  await expect(steps.getByRole("article").first().getByText("Completed")).toBeVisible();
  // A finished run has nothing to cancel, and did not fail.
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry run" })).toHaveCount(0);

  await page.getByRole("link", { name: "← All runs" }).click();
  await expect(page).toHaveURL(/\/runs$/);
});

test("filters live in the address; a status with no runs shows an empty state", async ({ page }) => {
  await page.goto("/runs");
  const status = page.getByLabel("Status");
  const fn = page.getByLabel("Function");

  // Invitation emails are never cancelled: with both filters, nothing matches.
  const functionId = (await fn.getByRole("option", { name: "Send an invitation email" }).getAttribute("value"))!;
  await chooseUntilAnswered(fn, functionId, () => expect(page).toHaveURL(new RegExp(`[?&]function=${functionId}`), { timeout: 2_000 }));
  await status.selectOption("Cancelled");
  await expect(page).toHaveURL(/[?&]status=cancelled/);
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);

  // The filters survive a reload.
  await page.reload();
  await expect(status).toHaveValue("cancelled");
  await expect(fn).toHaveValue(functionId);
  await expect(page.getByText("No runs match these filters")).toBeVisible();

  // Back to every status (the page just reloaded): whatever is listed is a run of the chosen function.
  await chooseUntilAnswered(status, "All statuses", () => expect(page).not.toHaveURL(/status=/, { timeout: 2_000 }));
  const functionCells = page.getByRole("rowheader");
  for (const cell of await functionCells.all()) await expect(cell).toHaveText("Send an invitation email");

  await fn.selectOption("All functions");
  await expect(page).toHaveURL(/\/runs$/);
});

test("an admin cancels a sleeping run from its page after confirming", async ({ page }) => {
  // A new workspace starts its welcome workflow, which sleeps before its follow-up.
  const name = `Runs ${randomUUID().slice(0, 6)}`;
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("button", { name: new RegExp(`current: ${name}`) })).toBeVisible();

  await page.goto("/runs?status=sleeping");
  await page.getByRole("rowheader").getByRole("link").first().click();
  await expect(page.getByRole("article").filter({ hasText: "Sleeping" }).getByText(/Wakes at/)).toBeVisible();
  // The run says in words whose it is and when it carries on.
  await expect(page.getByText(new RegExp(`^Welcome email for ${name}, follow-up sleeping until .+`))).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByText("Cancel this run?")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Keep it running" }).click();
  await expect(page.getByRole("button", { name: "Cancel run" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.getByRole("button", { name: "Yes, cancel the run" }).click();
  await expectToast(page, "The run was cancelled. Steps that had finished stay done.");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Wake now" })).toHaveCount(0);
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();

  await page.goto("/runs?status=cancelled");
  await expect(page.getByRole("row")).toHaveCount(2);
});

test("viewers and marketers have no runs page", async ({ browser }) => {
  for (const email of ["viewer@demo.test", "marketer@demo.test"]) {
    const { context, page } = await signedInAs(browser, email);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" })).toHaveCount(0);
    // The page says whom it is for, with a 403, inside the app's one <main>.
    expect((await page.goto("/runs"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Runs are for managers and admins" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible(page);
    await context.close();
  }
});

test("a manager has the runs page; a run that does not exist is not found", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "manager@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  for (const path of ["/runs/not-a-run", `/runs/${randomUUID()}`]) {
    expect((await page.goto(path))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await context.close();
});
