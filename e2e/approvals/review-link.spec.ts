import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { approvalSection, createLinkedInPolicy, createLinkedInPost, readEmail, requestApproval } from "./approval-setup";

test.describe.configure({ timeout: 2 * LONG_JOURNEY_TIMEOUT });

// A workspace of its own: its admin asks a client (an external reviewer, with no
// account) to approve a post. The emailed link opens a page that shows only the
// post; opening it changes nothing; the client approves there, and the post is approved.
test("an external reviewer opens the emailed link (nothing changes), approves on the page, and the post shows approved", async ({ page, browser }, testInfo) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Client teaser ${tag}`;
  const reviewer = `client-${tag}@agency.test`;
  await signUp(page, "Rhea Requester");
  await createLinkedInPolicy(page, { name: "Client sign-off", stage: "Client review", reviewer });
  await createLinkedInPost(page, { campaign: `Spring with the client ${tag}`, title });
  const postUrl = page.url();
  await requestApproval(page, "Client review");
  await expect(approvalSection(page)).toContainText("In review: stage 1 of 1, Client review");

  // The review email: the item, the stage, the due time, and a link that decides nothing by being opened.
  const email = await readEmail(page, `Approval requested: “${title}”`);
  expect(email).toContain("Opening the link decides nothing");
  const link = email.match(/https?:\/\/\S+\/review\/\S+/)?.[0];
  expect(link, "the email carries a review link").toBeTruthy();

  // The client opens it with no account; a link scanner would see the same page.
  const client = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const review = await client.newPage();
  const problems: string[] = [];
  review.on("console", (message) => {
    if (/hydrat/i.test(message.text())) problems.push(message.text());
  });
  review.on("pageerror", (error) => problems.push(error.message));
  await review.goto(link!);
  // Buttons pressed before the page's scripts run would post the form without them.
  await review.waitForLoadState("networkidle");
  await expect(review.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(review.getByText("Rhea Requester asks for your approval")).toBeVisible();
  await expect(review.getByRole("region", { name: "The content" })).toContainText("Our spring release is here.");
  await expect(review.getByText("Stage:")).toBeVisible();
  await expectAccessible(review);
  // Nothing of the workspace beyond the post: no navigation, no links into the app.
  await expect(review.getByRole("navigation")).toHaveCount(0);

  // Opening it changed nothing: the post still waits on the client.
  await page.goto(postUrl);
  await expect(approvalSection(page)).toContainText("In review: stage 1 of 1, Client review");

  // Request changes needs a comment; then the client approves.
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(review.getByText("Say what should change: the comment is required.")).toBeVisible();
  await review.setViewportSize({ width: 375, height: 812 });
  expect(await review.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);
  await review.screenshot({ path: testInfo.outputPath("review-phone.png"), fullPage: true });
  await review.setViewportSize({ width: 1280, height: 800 });
  await review.getByRole("button", { name: "Approve" }).click();
  await expect(review.getByRole("main").getByRole("status")).toHaveText("You approved it. Thank you!");
  await review.screenshot({ path: testInfo.outputPath("review-approved.png"), fullPage: true });

  // The post shows approved; the link has done its work.
  await page.reload();
  await expect(approvalSection(page)).toContainText("Approved");
  await review.goto(link!);
  await expect(review.getByRole("main").getByRole("alert")).toHaveText("This link has expired: the request was approved.");
  await expectAccessible(review);
  // A forged link says so, and decides nothing.
  await review.goto(link!.replace(/\.[\w-]+$/, `.${"A".repeat(43)}`));
  await expect(review.getByRole("main").getByRole("alert")).toContainText("This review link is not valid.");
  expect(problems, "no hydration errors or page errors on the review page").toEqual([]);
  await client.close();

  // The stage's deadline run heard the decision and ended well: nothing left to remind about, no failure.
  await page.goto("/runs");
  const deadlineRun = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Approval stage deadlines" }) }).first();
  await expect(deadlineRun.getByText("Completed")).toBeVisible({ timeout: 30_000 });
});
