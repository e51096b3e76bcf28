import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });
test.use({ locale: "en-US" });

const nothingWiderThanThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);

/** The role checkbox of a stage's approvers (not of its escalation). */
const approverRole = (stage: Locator, role: string) => stage.getByRole("group", { name: "Everyone with the role" }).getByRole("checkbox", { name: role });

// Its own admin in a workspace of their own: brand rules and policies are workspace-wide.
test("an admin sets brand rules, creates a two-stage approval policy (a quorum too large is refused), and edits it", async ({ page }) => {
  test.setTimeout(2 * LONG_JOURNEY_TIMEOUT);
  // Hydration mismatches and uncaught errors; a refused save's 400 is expected and not among them.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/hydrat/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await signUp(page, "Pia Policies");
  await page.goto("/settings");
  // Buttons pressed before the page's scripts run do nothing.
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  const policies = page.getByRole("region", { name: "Approval policies" });
  await expect(policies.getByText("No approval policies")).toBeVisible();
  await expectAccessible(page);

  // Brand rules: a banned word with its replacement, and LinkedIn's disclaimer.
  const brand = page.getByRole("region", { name: "Brand rules" });
  await brand.getByRole("button", { name: "Add banned phrase" }).click();
  await brand.getByLabel("Banned phrase 1", { exact: true }).fill("guaranteed");
  await brand.getByLabel("Say instead of phrase 1", { exact: true }).fill("expected");
  await brand.getByRole("button", { name: "Add banned phrase" }).click();
  await brand.getByLabel("Banned phrase 2", { exact: true }).fill("Guaranteed");
  await brand.getByRole("button", { name: "Save brand rules" }).click();
  await expect(brand.getByText("“Guaranteed” is in the list twice. Remove one.")).toBeVisible();
  await brand.getByRole("button", { name: "Remove banned phrase 2" }).click();
  await brand.getByLabel("LinkedIn disclaimer", { exact: true }).fill("Terms apply.");
  await brand.getByRole("button", { name: "Save brand rules" }).click();
  await expectToast(page, "Brand rules saved.");

  // A new policy of two stages.
  await policies.getByRole("button", { name: "New policy" }).click();
  const dialog = page.getByRole("dialog", { name: "New approval policy" });
  await dialog.getByLabel("Policy name", { exact: true }).fill("Social posts");
  const first = dialog.getByRole("group", { name: "Stage 1", exact: true });
  await first.getByLabel("Stage 1 name", { exact: true }).fill("Marketing review");
  await first.getByRole("group", { name: "Members" }).getByRole("checkbox", { name: "Pia Policies" }).check();
  await first.getByRole("checkbox", { name: "Escalate", exact: true }).check();
  await first.getByLabel("Then, for stage 1", { exact: true }).selectOption({ label: "Approve automatically" });
  await dialog.getByRole("button", { name: "Add stage" }).click();
  const second = dialog.getByRole("group", { name: "Stage 2", exact: true });
  await second.getByLabel("Stage 2 name", { exact: true }).fill("Legal sign-off");
  await approverRole(second, "Managers").uncheck();
  await approverRole(second, "Admins").check();
  await second.getByLabel("External reviewer's email", { exact: true }).fill("legal@agency.test");
  await second.getByRole("button", { name: "Add external reviewer to stage 2" }).click();
  await expect(second.getByRole("list", { name: "External reviewers of stage 2" })).toContainText("legal@agency.test");
  await second.getByLabel("Who must approve stage 2", { exact: true }).selectOption({ label: "At least a number of them" });
  await second.getByLabel("How many must approve stage 2", { exact: true }).fill("3");
  await second.getByLabel("Stage 2 timeout", { exact: true }).fill("2");
  await second.getByLabel("Unit", { exact: true }).selectOption({ label: "Business days" });
  await dialog.getByRole("group", { name: "Default for channels" }).getByRole("checkbox", { name: "LinkedIn" }).check();
  await dialog.getByRole("button", { name: "Save policy" }).click();
  // The workspace has one admin: with the address, two approvers, not three.
  await expect(second.getByText("3 must approve, but this stage has only 2 approvers. Lower the number or add approvers.")).toBeVisible();
  await expectAccessible(page);

  await second.getByLabel("How many must approve stage 2", { exact: true }).fill("2");
  await dialog.getByRole("button", { name: "Save policy" }).click();
  await expectToast(page, "Policy “Social posts” created.");
  await expect(dialog).toBeHidden();
  const card = policies.getByRole("listitem").filter({ hasText: "Social posts" });
  await expect(card).toContainText("Default for LinkedIn");
  await expect(card).toContainText("1. Marketing review: any of Pia Policies, managers · 8 business hours, then remind, escalate to admins, approve");
  await expect(card).toContainText("2. Legal sign-off: at least 2 of admins, legal@agency.test · 2 business days, then remind, keep waiting");

  // Edit: legal first, and a reminder cadence.
  await card.getByRole("button", { name: "Edit Social posts" }).click();
  const editing = page.getByRole("dialog", { name: "Edit “Social posts”" });
  await editing.getByRole("button", { name: "Move stage 2 up" }).click();
  await editing.getByLabel("Remind stage 1's approvers every (business hours)", { exact: true }).fill("4");
  await editing.getByRole("button", { name: "Save policy" }).click();
  await expectToast(page, "Policy “Social posts” saved.");
  await expect(card).toContainText("1. Legal sign-off: at least 2 of admins, legal@agency.test · reminders every 4 business hours · 2 business days");
  await expect(card).toContainText("2. Marketing review: any of Pia Policies, managers");

  // All of it kept, and the page works at phone width, the dialog too.
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("region", { name: "Brand rules" }).getByLabel("Banned phrase 1", { exact: true })).toHaveValue("guaranteed");
  await expect(page.getByRole("region", { name: "Brand rules" }).getByLabel("LinkedIn disclaimer", { exact: true })).toHaveValue("Terms apply.");
  await expect(page.getByRole("region", { name: "Approval policies" }).getByText("1. Legal sign-off", { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 812 });
  await nothingWiderThanThePhone(page);
  await page.getByRole("region", { name: "Approval policies" }).getByRole("button", { name: "Edit Social posts" }).click();
  await expect(page.getByRole("dialog", { name: "Edit “Social posts”" })).toBeVisible();
  await nothingWiderThanThePhone(page);
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  expect(problems).toEqual([]);
});
