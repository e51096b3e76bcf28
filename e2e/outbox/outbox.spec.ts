import { expect, test } from "@playwright/test";
import { ADMIN_STATE, inviteAndReadLink, uniqueEmail } from "../helpers";

test.use({ storageState: ADMIN_STATE });

test("an email's web addresses are links in the outbox, and the invitation link opens the invitation", async ({ page }) => {
  const email = uniqueEmail("outbox");
  const link = await inviteAndReadLink(page, email);

  await page.goto("/outbox");
  const message = page.getByRole("article").filter({ hasText: email });
  const anchor = message.getByRole("link", { name: link });
  await expect(anchor).toHaveAttribute("href", link);
  // The sentence's full stop after an address is not part of the link.
  for (const href of await message.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^https?:\/\/\S+[^.,;:!?)]$/);
  }

  await anchor.click();
  await expect(page.getByRole("heading", { name: "Join Acme Marketing" })).toBeVisible();
});
