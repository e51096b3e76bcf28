import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "../helpers";

test("the demo manager signs in and sees their workspace and role", async ({ page }) => {
  await signIn(page, "manager@demo.test");
  await expect(page.getByRole("heading", { name: "Welcome, Maya" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("Manager · manager@demo.test")).toBeVisible();
  // Managers do not see admin-only pages in the navigation.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Team" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Outbox" })).toHaveCount(0);
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("marketer@demo.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(
    page.getByRole("alert").filter({ hasText: "That email and password don't match an account. Check them and try again." }),
  ).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel("Email")).toHaveValue("marketer@demo.test");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a signed-out visit goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/team");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteam/);
  await page.getByLabel("Email").fill("marketer@demo.test");
  await page.getByLabel("Password").fill("crescendo-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expectAccessible(page);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "marketer@demo.test");
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an unknown page shows a helpful 404", async ({ page }) => {
  await signIn(page, "viewer@demo.test");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Jordan" })).toBeVisible();
});

test("the health check answers with the database state", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok", version: expect.any(String) });
});

test("repeated wrong passwords are refused with a too-many-attempts message", async ({ page }) => {
  const email = `guess-${Date.now()}@example.test`;
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form clears the password once the server has answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("another guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts. Wait a few minutes, then try again." })).toBeVisible();
});

test("pages are served with security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});
