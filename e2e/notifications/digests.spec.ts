import { expect, test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible, signIn } from "../helpers";
import { expectToast } from "../toast";

// The demo records today's digests as the digest cron does: the outbox holds
// each member's "today's work" email and the owners' weekly summaries, with
// working links; a member turns their daily digest off on /account.
test.describe("digests", () => {
  test.use({ storageState: ADMIN_STATE });

  test("today's work and the weekly summary are in the outbox, with links to the tasks and the preferences", async ({ page }) => {
    await page.goto("/outbox");
    const daily = page.getByRole("article").filter({ hasText: /Today's work in Acme Marketing: / }).filter({ hasText: "priya@demo.test" });
    await expect(daily).toHaveCount(1);
    await expect(daily).toContainText("Hello Priya Shah,");
    await expect(daily).toContainText(/http:\/\/\S+\/tasks\/[0-9a-f-]{36}/);
    await expect(daily).toContainText(/http:\/\/\S+\/account/);
    const weekly = page.getByRole("article").filter({ hasText: /Your campaigns in Acme Marketing, week of / });
    await expect(weekly.first()).toContainText(/http:\/\/\S+\/campaigns\/[0-9a-f-]{36}/);
    await expectAccessible(page);
  });
});

test("a member turns the daily digest off and keeps the weekly summary", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "lena@demo.test");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Notification preferences" });
  const daily = form.getByRole("checkbox", { name: "Daily “today's work” email on my working days" });
  const weekly = form.getByRole("checkbox", { name: "Weekly summary of the campaigns I own, on Mondays" });
  await daily.uncheck();
  await form.getByRole("button", { name: "Save notification preferences" }).click();
  await expectToast(page, "Notification preferences saved.");
  await page.reload();
  await expect(daily).not.toBeChecked();
  await expect(weekly).toBeChecked();
  await expectAccessible(page);
  // Back as the demo had it.
  await daily.check();
  await form.getByRole("button", { name: "Save notification preferences" }).click();
  await expectToast(page, "Notification preferences saved.");
  await context.close();
});
