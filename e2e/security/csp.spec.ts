// Pages run under a nonce-based Content-Security-Policy and load without a
// single console error (a blocked script, style or font is reported as one).
import { expect, type Page, type Response, test } from "@playwright/test";
import { ADMIN_STATE } from "../helpers";

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

function expectStrictPolicy(response: Response | null) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  return scriptSrc;
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page runs under the policy, with a new nonce per request and no console errors", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const first = expectStrictPolicy(await page.goto("/sign-in"));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    // Hydrated: the form's client code runs (it would not if the policy blocked Next's scripts).
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill("wrong-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
    const second = expectStrictPolicy(await page.reload());
    expect(second).not.toBe(first);
    expect(errors).toEqual([]);
  });
});

test.describe("signed in", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the calendar, with FullCalendar's icon font, loads with no console errors", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    expectStrictPolicy(await page.goto("/calendar"));
    await expect(page.getByRole("button", { name: "Next month" })).toBeVisible();
    // The arrows are glyphs of FullCalendar's data: font; wait until the font is in use.
    await page.evaluate(() => document.fonts.ready);
    await page.getByRole("button", { name: "Next month" }).click();
    await page.getByRole("button", { name: "Previous month" }).click();
    expect(errors).toEqual([]);
  });
});
