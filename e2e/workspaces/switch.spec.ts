import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "../helpers";

test.use({ storageState: ADMIN_STATE });

test("a member of two workspaces switches between them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: /current: Acme Marketing/ })).toBeVisible();

  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("list", { name: "Your workspaces" }).getByRole("button", { name: /Acme Events/ }).click();
  await expect(page.getByRole("button", { name: /current: Acme Events/ })).toBeVisible();
  await expect(page.getByText("Acme Events", { exact: true }).first()).toBeVisible();

  // The choice sticks across pages and reloads.
  await page.goto("/team");
  await expect(page.getByText("Everyone in Acme Events")).toBeVisible();
  await expect(page.getByRole("row", { name: /Sam Rivera/ })).toHaveCount(0);

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
  await expect(page.getByText("Just you so far.")).toBeVisible();
});
