// Steps the approval journeys share, each as a person does it: an admin's policy
// in Settings, a campaign with a LinkedIn post, and asking for its approval.
import { expect, type Page } from "@playwright/test";
import { expectToast } from "../toast";

/** "YYYY-MM-DD", `days` from today. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface PolicyChoices {
  name: string;
  stage: string;
  reviewer: string;
  /** Escalate to the admins, let the requester (the workspace's only admin) decide, and approve automatically at the end. */
  ladder?: boolean;
}

/** As an admin: a one-stage policy for LinkedIn posts, decided by an external reviewer, with a timeout of one business hour. */
export async function createLinkedInPolicy(page: Page, choices: PolicyChoices) {
  await page.goto("/settings");
  const policies = page.getByRole("region", { name: "Approval policies" });
  await policies.getByRole("button", { name: "New policy" }).click();
  const dialog = page.getByRole("dialog", { name: "New approval policy" });
  await dialog.getByLabel("Policy name", { exact: true }).fill(choices.name);
  const stage = dialog.getByRole("group", { name: "Stage 1", exact: true });
  await stage.getByLabel("Stage 1 name", { exact: true }).fill(choices.stage);
  await stage.getByRole("group", { name: "Everyone with the role" }).getByRole("checkbox", { name: "Managers" }).uncheck();
  await stage.getByLabel("External reviewer's email", { exact: true }).fill(choices.reviewer);
  await stage.getByRole("button", { name: "Add external reviewer to stage 1" }).click();
  await stage.getByLabel("Stage 1 timeout", { exact: true }).fill("1");
  await stage.getByLabel("Unit", { exact: true }).selectOption({ label: "Business hours" });
  if (choices.ladder) {
    await stage.getByRole("checkbox", { name: "Escalate", exact: true }).check();
    await stage.getByLabel("Then, for stage 1", { exact: true }).selectOption({ label: "Approve automatically" });
    await dialog.getByRole("switch", { name: /Requesters may approve their own requests/ }).check();
  }
  await dialog.getByRole("group", { name: "Default for channels" }).getByRole("checkbox", { name: "LinkedIn" }).check();
  await dialog.getByRole("button", { name: "Save policy" }).click();
  await expectToast(page, `Policy “${choices.name}” created.`);
}

/** A campaign with one LinkedIn post scheduled in two days; ends on the post's page. */
export async function createLinkedInPost(page: Page, input: { campaign: string; title: string }) {
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(input.campaign);
  await page.getByLabel("Type").selectOption("Product launch");
  await page.getByLabel("Start date").fill(dayFromToday(1));
  await page.getByLabel("Launch date").fill(dayFromToday(10));
  await page.getByLabel("End date").fill(dayFromToday(30));
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name: input.campaign, level: 1 })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/content`);
  await page.getByRole("button", { name: "New content item" }).click();
  const form = page.getByRole("form", { name: "New content item" });
  await form.getByLabel("Channel").selectOption("LinkedIn");
  await form.getByLabel("Title").fill(input.title);
  await form.getByLabel("Post text").fill("Our spring release is here. Book a demo this week.");
  await form.getByLabel("Scheduled for").fill(`${dayFromToday(2)}T10:00`);
  await form.getByRole("button", { name: "Add item" }).click();
  await expectToast(page, `Added “${input.title}”.`);
  await page.getByRole("link", { name: input.title }).click();
  await expect(page.getByRole("heading", { name: input.title, level: 1 })).toBeVisible();
}

export const approvalSection = (page: Page) => page.getByRole("region", { name: "Approval", exact: true });

/** On the post's page: asks for approval under the channel's policy. */
export async function requestApproval(page: Page, stage: string) {
  await approvalSection(page).getByRole("button", { name: "Request approval" }).click();
  await expectToast(page, `Approval requested: version 1 waits on stage 1, “${stage}”.`);
}

/** The newest outbox email whose subject is `subject` (recipient and text), read again until the workflow has sent it. */
export async function readEmail(page: Page, subject: string): Promise<string> {
  const article = page.getByRole("article").filter({ hasText: subject });
  await expect(async () => {
    await page.goto("/outbox");
    await expect(article.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return article.first().innerText();
}
