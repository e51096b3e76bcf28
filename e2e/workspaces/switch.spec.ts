import { expect, test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible } from "../helpers";
import { expectToast } from "../toast";

test.use({ storageState: ADMIN_STATE });

test("a member of two workspaces switches between them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: /current: Acme Marketing/ })).toBeVisible();

  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await expectAccessible(page);
  await page.getByRole("list", { name: "Your workspaces" }).getByRole("button", { name: /Acme Events/ }).click();
  await expect(page.getByRole("button", { name: /current: Acme Events/ })).toBeVisible();
  await expectToast(page, "Switched to Acme Events.");
  await expect(page.getByText("Acme Events", { exact: true }).first()).toBeVisible();

  // The choice sticks across pages and reloads.
  await page.goto("/team");
  await expect(page.getByText("Everyone in Acme Events")).toBeVisible();
  await expect(page.getByRole("row", { name: /Sam Rivera/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("list", { name: "Your workspaces" }).getByRole("button", { name: /Acme Marketing/ }).click();
  await expect(page.getByRole("button", { name: /current: Acme Marketing/ })).toBeVisible();
});

test("creating a workspace makes it the active one", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("link", { name: "New workspace" }).click();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByLabel("Workspace name")).toHaveAccessibleDescription(/at least 2 characters/);
  await page.getByLabel("Workspace name").fill("Acme Partnerships");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("button", { name: /current: Acme Partnerships/ })).toBeVisible();
  await expectToast(page, "Workspace “Acme Partnerships” created.");
  await expect(page.getByText("Just you so far.")).toBeVisible();
  await expectAccessible(page);
});

test("a viewer sees the team but no controls to change it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("viewer@demo.test");
  await page.getByLabel("Password").fill("crescendo-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("row", { name: /Maya Patel/ })).toBeVisible();
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Invite a teammate" })).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.goto("/outbox"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "The outbox is for admins" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
