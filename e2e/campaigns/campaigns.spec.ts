import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT, signIn } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

test.use({ storageState: ADMIN_STATE });

/** "YYYY-MM-DD", `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a campaign is planned, refused bad dates, edited, moved through review to active, found by search, and deleted", async ({ page }) => {
  const name = `Autumn webinar ${randomUUID().slice(0, 6)}`;
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page.getByRole("heading", { name: "New campaign" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Owner").selectOption("Sam Rivera");
  await page.getByLabel("Goal").fill("Book 40 demos");
  await page.getByLabel("Target KPI").fill("Registrations");
  await page.getByLabel("KPI target").fill("500");
  await page.getByLabel("Audience").fill("Operations leads");
  await page.getByRole("checkbox", { name: "Email" }).check();
  await page.getByRole("checkbox", { name: "LinkedIn" }).check();
  await page.getByLabel("Start date").fill(day(5));
  await page.getByLabel("Launch date").fill(day(20));
  await page.getByLabel("End date").fill(day(2));
  // The webinar template's milestones, dated back from the launch as it is typed.
  const planned = page.getByRole("list", { name: "Planned milestones" });
  await expect(planned.getByRole("listitem").filter({ hasText: "Topic & speakers confirmed" })).toBeVisible();
  // On the launch day, or the business day before it when that is a weekend or holiday.
  await expect(planned.getByRole("listitem").filter({ hasText: "Webinar day" })).toContainText(/^(Mon|Tue|Wed|Thu|Fri)\b/);
  await page.getByLabel("Budget amount").fill("7500");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByText("The end date can't be before the start date")).toBeVisible();

  await page.getByLabel("End date").fill(day(40));
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const overview = page.getByRole("region", { name: "Overview" });
  await expect(overview.getByText("Registrations: 500")).toBeVisible();
  await expect(overview.getByText("Email, LinkedIn")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Webinar day", { exact: true })).toBeVisible();
  await expect(timeline.getByText("Follow-up sent", { exact: true })).toBeVisible();
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByText("Alex Morgan created the campaign")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit details" }).click();
  await page.getByLabel("Audience").fill("Operations and finance leads");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Changes saved.");
  await expect(overview.getByText("Operations and finance leads")).toBeVisible();
  await expect(activity.getByText("changed audience from Operations leads to Operations and finance leads")).toBeVisible();

  const status = page.getByRole("group", { name: "Change status" });
  await status.getByRole("button", { name: "Mark as planned" }).click();
  await expectToast(page, "Campaign is now planned.");
  await expect(page.getByText("Planned", { exact: true })).toBeVisible();
  await status.getByRole("button", { name: "Send for review" }).click();
  await status.getByRole("button", { name: "Approve" }).click();
  await status.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(status.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(activity.getByText("moved the campaign from Approved to Active")).toBeVisible();

  await page.getByRole("link", { name: "Campaigns", exact: true }).first().click();
  const search = page.getByRole("search", { name: "Filter campaigns" });
  await search.getByLabel("Search").fill(name);
  await expect(page).toHaveURL(/q=Autumn/);
  const rows = page.getByRole("table", { name: "Campaigns" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expectAccessible(page);
  await search.getByLabel("Status").selectOption("Draft");
  await expect(page.getByText("No campaigns match")).toBeVisible();
  await search.getByLabel("Status").selectOption("Active");
  await page.getByRole("link", { name }).click();

  await status.getByRole("button", { name: "Cancel campaign" }).click();
  await status.getByRole("button", { name: "Yes, cancel the campaign" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete campaign" }).click();
  await page.getByRole("alertdialog", { name: "Delete this campaign?" }).getByRole("button", { name: "Yes, delete it" }).click();
  await expectToast(page, `Campaign “${name}” was deleted.`);
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await page.getByRole("search", { name: "Filter campaigns" }).getByLabel("Search").fill(name);
  await expect(page.getByText("No campaigns match")).toBeVisible();
});

test("a viewer reads campaigns but is offered no way to change them", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "viewer@demo.test");
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await expectAccessible(page);
  // A page the role cannot use says so, with a 403.
  expect((await page.goto("/campaigns/new"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Viewers can't create campaigns" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "New campaign" })).toHaveCount(0);
  await context.close();
});

test("a viewer reads a campaign's timeline and a content item, with nothing offered to change them", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "viewer@demo.test");
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Acme Cloud 3.0 launch" }).click();
  await expect(page.getByRole("heading", { name: "Acme Cloud 3.0 launch", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The timeline reads, but its boxes can't be ticked and nothing can be added, moved, renamed or regenerated.
  const timeline = page.getByRole("region", { name: "Timeline" });
  const milestones = timeline.getByRole("list", { name: "Milestones" }).getByRole("listitem");
  await expect(milestones.first()).toBeVisible();
  for (const box of await timeline.getByRole("checkbox").all()) await expect(box).toBeDisabled();
  await expect(timeline.getByRole("form", { name: "Add a milestone" })).toHaveCount(0);
  await expect(timeline.getByRole("button")).toHaveCount(0);
  await expect(timeline.getByRole("textbox")).toHaveCount(0);

  // A content item shows its text and history, without a form, a schedule or a delete button.
  await page.getByRole("list", { name: "Content items" }).getByRole("link", { name: /Launch post/ }).click();
  await expect(page.getByRole("heading", { name: "Launch post", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Text" })).toContainText("Acme Cloud 3.0 is live.");
  await expectAccessible(page);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Save|Delete|Schedule/ })).toHaveCount(0);
  await context.close();
});

test("the form says what is wrong in plain words, warns of milestones before the start or already past, and the campaign flags them overdue", async ({ page }) => {
  const name = `Late webinar ${randomUUID().slice(0, 6)}`;
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");

  // A negative budget is told so; an empty date is asked for without a format the date picker doesn't show.
  await page.getByLabel("Budget amount").fill("-5");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByLabel("Budget amount")).toHaveAccessibleDescription("The budget can't be negative");
  await expect(page.getByLabel("Start date")).toHaveAccessibleDescription("Choose the start date");
  await expect(page.getByText(/2026-03-09|at most two decimals/)).toHaveCount(0);

  // The webinar template counts back 25 business days from a launch next week: before the start, and past.
  await page.getByLabel("Start date").fill(day(-3));
  await page.getByLabel("Launch date").fill(day(7));
  await page.getByLabel("End date").fill(day(30));
  const warning = page.getByRole("status").filter({ hasText: "Check the dates:" });
  await expect(warning).toContainText("before the campaign starts");
  await expect(warning).toContainText("already past");
  await expect(page.getByRole("list", { name: "Planned milestones" }).getByText("already past").first()).toBeVisible();

  await page.getByLabel("Budget amount").fill("7500");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(/milestones? (is|are) overdue/)).toBeVisible();
  const overdue = timeline.getByRole("list", { name: "Milestones" }).getByRole("listitem").filter({ hasText: "Overdue" });
  await expect(overdue.first()).toBeVisible();

  // Ticking one off takes its flag away, and says so.
  const first = overdue.first();
  const milestone = (await first.locator("p").first().innerText()).trim();
  await first.getByRole("checkbox").check();
  await expectToast(page, `“${milestone}” is done.`);
  await expect(timeline.getByRole("list", { name: "Milestones" }).getByRole("listitem").filter({ hasText: milestone })).not.toContainText("Overdue");
});
