import { expect, type Page, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expectAccessible, inviteAndReadLink, joinWithLink, LONG_JOURNEY_TIMEOUT, signUp, uniqueEmail } from "../helpers";
import { expectToast } from "../toast";

// A workspace of its own: an admin who sets the rules, a marketer who writes and asks, and a manager
// who decides from the queue, the last time with the keyboard alone.

// Three people, two invitations and a decision twice over: twice the long-journey budget, which it ran past on a loaded machine.
test.describe.configure({ timeout: 2 * LONG_JOURNEY_TIMEOUT });

/** "YYYY-MM-DD", `days` from today. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const approvalSection = (page: Page) => page.getByRole("region", { name: "Approval", exact: true });

/** Hydration mismatches and uncaught errors on `page`, gathered for the end of the journey. */
function watchForErrors(page: Page, problems: string[]) {
  page.on("console", (message) => {
    if (/hydrat/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
}

async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);
}

test("a post with a banned word is refused, fixed, sent back with a comment on a passage, resubmitted, approved with the keyboard, and shows approved and scheduled", async ({ page, browser }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Launch teaser ${tag}`;
  await signUp(page, "Ada Admin");
  const marketer = await joinWithLink(browser, await inviteAndReadLink(page, uniqueEmail("marketer")), "Theo Marketer");
  const manager = await joinWithLink(browser, await inviteAndReadLink(page, uniqueEmail("manager"), "Manager"), "Mina Manager");
  const problems: string[] = [];
  for (const each of [page, marketer, manager]) watchForErrors(each, problems);
  // At the same time, in their own browsers: the admin sets the rules, the marketer plans.
  await Promise.all([
    (async () => {
      // The admin bans a word and makes LinkedIn posts go through the managers, with checks that must pass first.
      await page.goto("/settings");
      const brand = page.getByRole("region", { name: "Brand rules" });
      await brand.getByRole("button", { name: "Add banned phrase" }).click();
      await brand.getByLabel("Banned phrase 1", { exact: true }).fill("guaranteed");
      await brand.getByLabel("Say instead of phrase 1", { exact: true }).fill("expected");
      await brand.getByRole("button", { name: "Save brand rules" }).click();
      await expectToast(page, "Brand rules saved.");
      await page.getByRole("region", { name: "Approval policies" }).getByRole("button", { name: "New policy" }).click();
      const dialog = page.getByRole("dialog", { name: "New approval policy" });
      await dialog.getByLabel("Policy name", { exact: true }).fill("Social review");
      await dialog.getByLabel("Stage 1 name", { exact: true }).fill("Marketing review");
      await dialog.getByRole("group", { name: "Default for channels" }).getByRole("checkbox", { name: "LinkedIn" }).check();
      await dialog.getByRole("switch", { name: /Content checks must pass first/ }).check();
      await dialog.getByRole("button", { name: "Save policy" }).click();
      await expectToast(page, "Policy “Social review” created.");
    })(),
    (async () => {
      // The marketer plans a campaign and a LinkedIn post with the banned word, scheduled in two days.
      await marketer.goto("/campaigns/new");
      await marketer.getByLabel("Name").fill(`Spring launch ${tag}`);
      await marketer.getByLabel("Type").selectOption("Product launch");
      await marketer.getByLabel("Start date").fill(day(1));
      await marketer.getByLabel("Launch date").fill(day(10));
      await marketer.getByLabel("End date").fill(day(30));
      await marketer.getByRole("button", { name: "Create campaign" }).click();
      // The confirmation first: the new campaign's page then has its own time to load.
      await expectToast(marketer, "Campaign created.");
      await expect(marketer.getByRole("heading", { name: `Spring launch ${tag}`, level: 1 })).toBeVisible();
      await marketer.goto(`${new URL(marketer.url()).pathname}/content`);
      await marketer.getByRole("button", { name: "New content item" }).click();
      const form = marketer.getByRole("form", { name: "New content item" });
      await form.getByLabel("Channel").selectOption("LinkedIn");
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Post text").fill("Our new release is here, with guaranteed uptime. Read the story at https://acme.com/launch and book a demo today.");
      await form.getByLabel("Scheduled for").fill(`${day(2)}T10:00`);
      await form.getByRole("button", { name: "Add item" }).click();
      await expectToast(marketer, `Added “${title}”.`);
      await expect(marketer.getByRole("list", { name: "Content items" })).toContainText("Draft");
    })(),
  ]);
  await marketer.getByRole("link", { name: title }).click();

  // Asking is refused with what the checks found, shown where it is; fixed, the request goes through.
  const approval = approvalSection(marketer);
  await expect(approval).toContainText("Draft");
  const banned = approval.getByRole("listitem").filter({ hasText: "Banned phrase “guaranteed” in the body" });
  await expect(banned).toContainText("Must fix");
  await approval.getByRole("button", { name: "Request approval" }).click();
  await expect(approval.getByRole("alert")).toContainText("Fix what the checks found before asking for approval: Banned phrase “guaranteed”");
  await expectAccessible(marketer);
  const editor = marketer.getByRole("form", { name: "Edit content" });
  await editor.getByLabel("Post text").fill("Our new release is here, with expected uptime. Read the story at https://acme.com/launch and book a demo today.");
  // Checked as typed, before the save.
  await expect(approval.getByRole("heading", { name: "Checks on your unsaved changes" })).toBeVisible();
  await expect(banned).toHaveCount(0);
  await editor.getByRole("button", { name: "Save" }).click();
  await expectToast(marketer, "Saved as version 2.");
  await expect(approval.getByRole("heading", { name: "Checks on version 2" })).toBeVisible();
  await approval.getByRole("button", { name: "Request approval" }).click();
  await expectToast(marketer, "Approval requested: version 2 waits on stage 1, “Marketing review”.");
  await expect(approval).toContainText("In review: stage 1 of 1, Marketing review");

  // The manager sees it waiting (the badge came live), and asks for changes about a passage.
  await expect(manager.getByRole("link", { name: "Approvals 1 waiting on you" })).toBeVisible();
  await manager.getByRole("link", { name: "Approvals 1 waiting on you" }).click();
  await expect(manager.getByRole("link", { name: "Waiting on me" })).toHaveAttribute("aria-current", "page");
  await manager.getByRole("link", { name: new RegExp(title) }).click();
  const detail = manager.getByRole("region", { name: "Request details" });
  await expect(detail.getByRole("heading", { name: title })).toBeVisible();
  await expect(detail.getByRole("figure", { name: "LinkedIn preview" })).toContainText("book a demo today");
  await expectAccessible(manager);
  const decision = detail.getByRole("form", { name: "Your decision on version 2" });
  await decision.getByLabel("Request changes").check();
  await decision.getByRole("button", { name: "Request changes" }).click();
  await expect(decision.getByText("Say what should change: the comment is required.")).toBeVisible();
  // Selecting words of the previewed body anchors the comment to them.
  await detail.getByRole("figure", { name: "LinkedIn preview" }).getByText(/Our new release/).evaluate((body) => {
    const text = body.firstChild!;
    const start = text.textContent!.indexOf("book a demo");
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + "book a demo".length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    body.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  });
  await expect(decision).toContainText("About the passage: “book a demo”");
  await decision.getByLabel("Comment (required)").fill("Say which demo: the 15-minute one.");
  await decision.getByRole("button", { name: "Request changes" }).click();
  await expectToast(manager, `Changes requested: “${title}”.`);
  await expect(manager.getByText("Nothing waits on you")).toBeVisible();
  await expect(manager.getByRole("link", { name: /^Approvals/ })).toHaveAccessibleName("Approvals");

  // The marketer edits (version 3) and resubmits.
  await expect(approval).toContainText("Changes requested");
  await editor.getByLabel("Post text").fill("Our new release is here, with expected uptime. Read the story at https://acme.com/launch and book the 15-minute demo today.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expectToast(marketer, "Saved as version 3.");
  await approval.getByRole("button", { name: "Resubmit" }).click();
  await expectToast(marketer, "Resubmitted: version 3 waits on stage 1, “Marketing review”.");
  // Nothing waits on the marketer; the queue points to what they asked for.
  const marketerQueue = await marketer.context().newPage();
  await marketerQueue.goto("/approvals");
  await expect(marketerQueue.getByText("Nothing waits on you")).toBeVisible();
  await marketerQueue.getByRole("link", { name: "See what you asked for" }).click();
  await expect(marketerQueue.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Requested by me" })).toHaveAttribute("aria-current", "page");
  await expect(marketerQueue.getByRole("link", { name: new RegExp(title) })).toContainText("Stage 1 of 1");
  await marketerQueue.close();

  // The manager approves from the keyboard: j opens the first request, a chooses approve, Enter confirms.
  await expect(manager.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await manager.keyboard.press("j");
  await expect(detail.getByRole("region", { name: "Changes since version 2" })).toContainText(/added: the 15-minute/);
  await expect(detail.getByRole("list", { name: "Feedback at stage 1" })).toContainText("on version 2");
  await expect(detail.getByRole("list", { name: "Feedback at stage 1" })).toContainText("About “book a demo”");
  await expectAccessible(manager);
  await manager.setViewportSize({ width: 375, height: 812 });
  await expectFitsPhone(manager);
  await manager.setViewportSize({ width: 1280, height: 800 });
  await manager.keyboard.press("a");
  await expect(detail.getByRole("button", { name: "Approve" })).toBeFocused();
  await manager.keyboard.press("Enter");
  await expectToast(manager, `Approved: “${title}”.`);
  await manager.getByRole("link", { name: "Decided" }).click();
  await expect(manager.getByRole("link", { name: new RegExp(title) })).toContainText("Approved");
  await expectAccessible(manager);

  // The item is approved and scheduled, on its page and on the calendar.
  await expect(approval).toContainText("Approved · scheduled for");
  await marketer.goto(`/calendar?view=week&date=${day(2)}`);
  await expect(marketer.getByRole("link", { name: new RegExp(`Approved · LinkedIn: ${title}`) })).toBeVisible();
  await expectAccessible(marketer);
  expect(problems, "no hydration mismatch or uncaught error").toEqual([]);
});
