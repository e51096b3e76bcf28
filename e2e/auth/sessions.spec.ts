// Sessions end on the server: a copy of a cookie stops working once its session is
// signed out, its password changed, or "sign out everywhere" used. Every test here
// signs up its own person, so ending their sessions touches no one else's.
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";

// Each test signs up, signs in on a second device and hashes passwords several times.
test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

const PASSWORD = "a long enough password";

async function signInOn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A second browser holding nothing but a copy of `from`'s session cookie. */
async function browserWithCopiedCookie(browser: Browser, from: BrowserContext): Promise<BrowserContext> {
  const cookies = (await from.cookies()).filter((cookie) => cookie.name.includes("authjs.session-token"));
  expect(cookies.length, "the signed-in browser holds a session cookie").toBeGreaterThan(0);
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  return copy;
}

async function expectSignedIn(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("after signing out, a copy of the old cookie no longer opens the app, nor renews", async ({ browser, page, context }) => {
  await signUp(page, "Cora Copy", PASSWORD);
  const copy = await browserWithCopiedCookie(browser, context);
  const thief = await copy.newPage();
  // The copy works while the session lasts: the test would prove nothing otherwise.
  await expectSignedIn(thief);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await expectSignedOut(thief);
  const renewal = await copy.request.get("/api/auth/session");
  expect(await renewal.json()).toBeNull();
  await copy.close();
});

test("changing the password signs out other devices; sign out everywhere signs out all of them", async ({ browser, page }) => {
  const email = await signUp(page, "Petra Password", PASSWORD);
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await signInOn(phone, email, PASSWORD);
  await expect(phone.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.getByRole("link", { name: "Petra Password" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a newer long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("a newer long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();

  // This browser stays signed in; the phone is signed out, and the old password no longer works.
  await expectSignedIn(page);
  await expectSignedOut(phone);
  await signInOn(phone, email, PASSWORD);
  await expect(phone.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await signInOn(phone, email, "a newer long password");
  await expect(phone.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectSignedOut(page);
  await expectSignedOut(phone);
  await phoneContext.close();
});
