import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "../helpers";

test("a page a role cannot use says so with a 403; a campaign that does not exist is a 404, each inside the one <main>", async ({ page }) => {
  await signIn(page, "viewer@demo.test");

  for (const [path, message] of [
    ["/runs", "Runs are for managers and admins"],
    ["/outbox", "The outbox is for admins"],
    ["/campaigns/new", "Viewers can't create campaigns"],
  ]) {
    const response = await page.goto(path!);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: message, level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    // Still in the app: the navigation is there to go elsewhere.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expectAccessible(page);
  }

  const missing = await page.goto(`/campaigns/${randomUUID()}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expectAccessible(page);
});

test("the sidebar shows the whole email and keeps “Sign out” on one line", async ({ page }) => {
  // A person of our own with a long address (this test only reads, but the shared admin stays untouched).
  const email = `a-rather-long-address-${randomUUID().slice(0, 8)}@marketing-team.example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Lang Address");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Workspace name").fill("Long Address Studio");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Lang" })).toBeVisible();

  const signOut = page.getByRole("button", { name: "Sign out" });
  const lineHeight = await signOut.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  const box = (await signOut.boundingBox())!;
  expect(box.height, "one line of text plus padding").toBeLessThan(lineHeight * 2);

  // Every character of the address is on screen: nothing is cut off or hidden behind an ellipsis.
  const address = page.getByText(email);
  await expect(address).toBeVisible();
  const clipped = await address.evaluate((element) => element.scrollWidth > element.clientWidth || getComputedStyle(element).textOverflow === "ellipsis");
  expect(clipped).toBe(false);
});
