import { expect, test } from "@playwright/test";
import { expectAccessible, uniqueEmail } from "../helpers";

test("a new person signs up and lands in their own workspace as its admin", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nora Newcomer");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Workspace name").fill("Nora's Agency");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Switch workspace \(current: Nora's Agency\)/ })).toBeVisible();
  await expect(page.getByText(`Admin · ${email}`)).toBeVisible();
  await expectAccessible(page);
});

test("sign-up shows what is wrong next to each field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Ann");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Workspace name").fill("A");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 10 characters");
  await expect(page.getByLabel("Workspace name")).toHaveAccessibleDescription(/at least 2 characters/);
  await expect(page.getByLabel("Your name")).toHaveValue("Ann");
  await expectAccessible(page);
});

test("signing up with an email that already has an account says so", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Second Alex");
  await page.getByLabel("Work email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Workspace name").fill("Copycat");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription(/already exists/);
  await expect(page).toHaveURL(/\/sign-up$/);
});
