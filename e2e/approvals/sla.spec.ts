import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { expectToast } from "../toast";
import { approvalSection, createLinkedInPolicy, createLinkedInPost, readEmail, requestApproval } from "./approval-setup";

test.describe.configure({ timeout: 3 * LONG_JOURNEY_TIMEOUT });

/** On the run's page: ends the wait named `wait`, and sees the checkpoint `step` done. */
async function wake(page: Page, wait: string, step: string) {
  await page.getByRole("article", { name: wait, exact: true }).getByRole("button", { name: "Wake now" }).click();
  await expectToast(page, "The step was woken; the run carries on now.");
  await expect(page.getByRole("article", { name: step, exact: true })).toContainText("Completed");
}

// A workspace of its own: a post waits on a client whose stage times out after
// one business hour. Its manager (the workspace's admin) wakes the stage's
// timeout on /runs, then each next checkpoint: the client is reminded, the stage
// is escalated to the admins, then approved automatically; the request's history
// and the outbox show each step.
test("a stage's timeout ladder, woken on /runs: reminder, escalation and automatic approval in the history and the outbox", async ({ page }, testInfo) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Quiet client post ${tag}`;
  const reviewer = `slow-${tag}@agency.test`;
  await signUp(page, "Sol Manager");
  await createLinkedInPolicy(page, { name: "Client deadline", stage: "Client review", reviewer, ladder: true });
  await createLinkedInPost(page, { campaign: `Deadlines ${tag}`, title });
  const postUrl = page.url();
  await requestApproval(page, "Client review");

  // The stage's deadlines wait on /runs, named after the post.
  const row = page.getByRole("row").filter({ hasText: `Approval deadlines for “${title}”` });
  await expect(async () => {
    await page.goto("/runs");
    await expect(row.getByText(/reminder at the timeout unless decided before .+/)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page);
  await row.getByRole("link", { name: "Approval stage deadlines" }).click();
  await expect(page.getByText("A stage of an approval request started waiting on its approvers.")).toBeVisible();
  await expect(page.getByRole("article", { name: "email-approvers", exact: true })).toContainText("Completed");

  await wake(page, "wait-for-timeout-reminder", "timeout-reminder");
  await wake(page, "wait-for-escalation", "escalation");
  await wake(page, "wait-for-auto-approval", "auto-approval");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("sla-run.png"), fullPage: true });

  // The history says who was reminded, who it was escalated to, and that it was approved automatically.
  await page.goto(postUrl);
  await expect(approvalSection(page)).toContainText("Approved");
  await page.goto("/approvals?view=decided");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText(`Crescendo reminded ${reviewer}`);
  await expect(history).toContainText("Crescendo escalated it to Sol Manager");
  await expect(history).toContainText("Crescendo approved stage 1 automatically when it timed out");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("sla-history.png"), fullPage: true });

  // And the outbox has the review email, the reminder and the escalation, each with its own link.
  expect(await readEmail(page, `Approval requested: “${title}”`)).toContain(reviewer);
  const reminder = await readEmail(page, `Reminder: “${title}” waits on your approval`);
  expect(reminder).toMatch(/\/review\/\S+/);
  const escalation = await readEmail(page, `Escalated to you: approve “${title}”`);
  expect(escalation).toContain("your decision alone settles this stage");
  await expectAccessible(page);
});
