import { expect, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, uniqueEmail } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

// The welcome workflow end to end, on the embedded executor: sign-up emits
// "workspace/created"; the welcome email goes out at once; the run then sleeps
// two business days, and waking it sends the follow-up.
test("a newcomer gets the welcome email, and waking the sleeping run sends the follow-up", async ({ page }) => {
  const email = uniqueEmail("wren");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Wren Welcome");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Workspace name").fill("Wren Studio");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Wren" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Welcome to Crescendo, Wren Welcome" })).toContainText(email);
  await expect(page.getByText("Next steps for Wren Studio")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  const run = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Welcome a new workspace" }) });
  await expect(run).toContainText("workspace/created");
  await expect(run).toContainText("Sleeping");
  // In plain words first: whose welcome it is and when the follow-up wakes.
  await expect(run.getByText(/^Welcome email for Wren Studio, follow-up sleeping until .+/)).toBeVisible();
  await expectAccessible(page);
  await run.getByRole("link", { name: "Welcome a new workspace" }).click();

  const wait = page.getByRole("article", { name: "wait-two-business-days" });
  await expect(wait).toContainText("Sleeping");
  await wait.getByRole("button", { name: "Wake now" }).click();
  await expectToast(page, "The step was woken; the run carries on now.");
  // The page keeps itself current: the run finishes without a reload.
  await expect(page.getByRole("article", { name: "send-follow-up-email" })).toContainText("Completed");
  await expect(wait).toContainText("Completed");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  const followUp = page.getByRole("article").filter({ hasText: "Next steps for Wren Studio" });
  await expect(followUp).toContainText(email);
  await expect(followUp).toContainText("Plan your first campaign");
});
