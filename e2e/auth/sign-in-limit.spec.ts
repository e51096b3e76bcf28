// The sign-in limit counts by the connection's address: headers a client writes
// itself (X-Forwarded-For without TRUST_PROXY, or the server's own client-address
// header) cannot spread its guesses over made-up addresses.
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../helpers";

test("guesses with a new made-up address in each request's headers are still refused after 5", async ({ page }) => {
  const email = uniqueEmail("spoofer");
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 6; attempt++) {
    const madeUp = `198.51.100.${attempt}`;
    await page.setExtraHTTPHeaders({ "x-forwarded-for": madeUp, "x-real-ip": madeUp, "x-crescendo-client-address": madeUp });
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Password")).toHaveValue("");
    const expected = attempt <= 5 ? "don't match an account" : "Too many sign-in attempts";
    await expect(page.getByRole("alert").filter({ hasText: expected })).toBeVisible();
  }
});
