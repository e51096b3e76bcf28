import { expect, type Page } from "@playwright/test";

/** The confirmation toast: sonner's list sits in a live region named "Notifications". */
export function toasts(page: Page) {
  return page.getByRole("region", { name: /^Notifications/ });
}

/** Expects a confirmation toast saying `text` (exactly, or matching a pattern). */
export async function expectToast(page: Page, text: string | RegExp) {
  await expect(toasts(page).getByRole("listitem").filter({ hasText: text }).first()).toBeVisible();
}
