import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });


/** "YYYY-MM-DD", `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe("in the demo workspace", () => {
  test.use({ storageState: ADMIN_STATE });

test("a demo campaign's page shows the chain of tasks that decides its launch, the verdict and a way to its tasks, at desktop and phone width", async ({ page }, testInfo) => {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Acme Cloud 3.0 launch" }).first().click();
  const section = page.getByRole("region", { name: "Critical path" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^Launch on .+ (holds|slips by \d+ business days?)/)).toBeVisible();
  const chain = section.getByRole("list", { name: "Tasks that decide the launch, in order" }).getByRole("listitem");
  await expect(chain.first()).toBeVisible();
  await expect(chain.first()).toContainText("Earliest finish");
  await expect(section.getByRole("link", { name: /^\d+ tasks on the board$/ })).toHaveAttribute("href", /\/tasks\?campaign=[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await section.screenshot({ path: testInfo.outputPath("critical-path-desktop.png") });

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(section).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "nothing wider than the phone").toBeLessThanOrEqual(375);
  await section.screenshot({ path: testInfo.outputPath("critical-path-phone.png") });
});

test("a new webinar gets its work plan from the template, and its critical path runs to hosting the webinar", async ({ page }) => {
  const name = `Critical webinar ${randomUUID().slice(0, 6)}`;
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Owner").selectOption("Alex Morgan");
  await page.getByRole("checkbox", { name: "LinkedIn" }).check();
  await page.getByLabel("Start date").fill(day(20));
  await page.getByLabel("Launch date").fill(day(70));
  await page.getByLabel("End date").fill(day(80));
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  const section = page.getByRole("region", { name: "Critical path" });
  await expect(section.getByText(/^Launch on .+ holds with \d+ business days to spare/)).toBeVisible();
  const chain = section.getByRole("list", { name: "Tasks that decide the launch, in order" }).getByRole("listitem");
  await expect(chain.last()).toContainText("Host the webinar");
  await expect(chain.first()).toContainText("Unassigned");
  await expect(section.getByRole("link", { name: /^\d+ tasks on the board$/ })).toBeVisible();
  await expectAccessible(page);
});
});

// Its own workspace: the template it changes would otherwise change every journey's new webinars.
test("a task added to a template on the settings page is in the next campaign's plan, at the end of its critical path", async ({ page }, testInfo) => {
  const title = `Edit the recording ${randomUUID().slice(0, 6)}`;
  const owner = "Tara Templates";
  await signUp(page, owner);
  await page.goto("/settings");
  const templates = page.getByRole("region", { name: "Timeline templates" });
  await templates.getByLabel("Campaign type").selectOption({ label: "Webinar" });
  await templates.getByRole("button", { name: "Add task" }).click();
  const added = templates.getByRole("list", { name: "Tasks" }).getByRole("listitem").last();
  await added.getByLabel("Title").fill(title);
  await added.getByLabel("Estimate (hours)").fill("30");
  await added.getByLabel("Milestone", { exact: true }).selectOption({ label: "Webinar day" });
  await added.getByLabel("Business days before the milestone").fill("0");
  await added.getByRole("checkbox", { name: "video" }).check();
  await added.getByRole("checkbox", { name: "Host the webinar" }).check();
  await expectAccessible(page);
  await templates.getByRole("button", { name: "Save template" }).click();
  await expectToast(page, "The webinar template is saved. New campaigns of this type use it.");
  await templates.screenshot({ path: testInfo.outputPath("template-tasks-desktop.png") });
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);
  await added.screenshot({ path: testInfo.outputPath("template-task-phone.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  const name = `Templated webinar ${randomUUID().slice(0, 6)}`;
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Owner").selectOption(owner);
  await page.getByLabel("Start date").fill(day(20));
  await page.getByLabel("Launch date").fill(day(70));
  await page.getByLabel("End date").fill(day(80));
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const chain = page.getByRole("region", { name: "Critical path" }).getByRole("list", { name: "Tasks that decide the launch, in order" }).getByRole("listitem");
  await expect(chain.last()).toContainText(title);
  await expect(chain.last()).toContainText("30 h");
});
