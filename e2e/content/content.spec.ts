import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

test.use({ storageState: ADMIN_STATE });

/** "YYYY-MM-DD", `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a post is refused over X's limit, saved twice, compared across versions, scheduled, and deleted", async ({ page }) => {
  const campaign = `Content journey ${randomUUID().slice(0, 6)}`;
  await page.goto("/campaigns/new");
  await expectAccessible(page);
  await page.getByLabel("Name").fill(campaign);
  await page.getByLabel("Type").selectOption("Product launch");
  await page.getByLabel("Start date").fill(day(1));
  await page.getByLabel("Launch date").fill(day(10));
  await page.getByLabel("End date").fill(day(30));
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name: campaign, level: 1 })).toBeVisible();

  await page.goto(`${new URL(page.url()).pathname}/content`);
  await expect(page.getByText("No content yet")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "New content item" }).click();
  const form = page.getByRole("form", { name: "New content item" });
  await form.getByLabel("Channel").selectOption("X");
  await form.getByLabel("Title").fill("Launch teaser");
  await form.getByLabel("Post text").fill("a".repeat(300));
  const rules = form.getByRole("region", { name: "X rules" });
  // Said once, by the field: not again in the rules or at the top of the form, before or after a save.
  const overLimit = "A post on X can have at most 280 characters; this one has 300.";
  await expect(form.getByLabel("Post text")).toHaveAccessibleDescription(`300 / 280 ${overLimit}`);
  await expect(form.getByText(overLimit)).toHaveCount(1);
  await expect(rules).toHaveText("");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(form.getByLabel("Post text")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(overLimit)).toHaveCount(1);
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expectAccessible(page);

  await form.getByLabel("Post text").fill("Something new is coming next week. #launch");
  await expect(rules).toHaveText("");
  await form.getByRole("button", { name: "Add item" }).click();
  await expectToast(page, "Added “Launch teaser”.");
  await page.getByRole("link", { name: "Launch teaser" }).click();

  await expect(page.getByRole("heading", { name: "Launch teaser", level: 1 })).toBeVisible();
  const editor = page.getByRole("form", { name: "Edit content" });
  await editor.getByLabel("Post text").fill("Something big is coming next week. #launch");
  await editor.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Saved as version 2.");
  // Compare right after the save offers the latest two.
  const compare = page.getByRole("form", { name: "Compare versions" });
  await expect(compare.getByLabel("From version")).toHaveValue("1");
  await expect(compare.getByLabel("To version")).toHaveValue("2");
  await editor.getByLabel("Post text").fill("Something big is coming on Monday. #launch");
  await editor.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Saved as version 3.");
  await expect(page.getByRole("list", { name: "Version history" }).getByRole("listitem")).toHaveCount(3);
  await compare.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("region", { name: "Changes from version 2 to version 3" })).toBeVisible();
  await editor.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Nothing changed, so no new version was saved.");
  await expect(page.getByRole("list", { name: "Version history" }).getByRole("listitem")).toHaveCount(3);
  await expectAccessible(page);

  await compare.getByLabel("From version").selectOption("1");
  await compare.getByLabel("To version").selectOption("3");
  await compare.getByRole("button", { name: "Compare" }).click();
  const changes = page.getByRole("region", { name: "Changes from version 1 to version 3" });
  await expect(changes.locator("del")).toHaveText(["new", "next week"]);
  await expect(changes.locator("ins")).toHaveText(["big", "on Monday"]);
  await expectAccessible(page);

  const schedule = page.getByRole("form", { name: "Schedule" });
  await schedule.getByLabel("Goes out at").fill(`${day(40)}T09:00`);
  await schedule.getByRole("button", { name: "Save time" }).click();
  await expect(schedule.getByText(/Pick a day between the campaign's start/)).toBeVisible();
  await schedule.getByLabel("Goes out at").fill(`${day(5)}T09:00`);
  await schedule.getByRole("button", { name: "Save time" }).click();
  await expect(schedule.getByRole("button", { name: "Unschedule" })).toBeVisible();
  await expectToast(page, "Schedule saved.");

  await page.getByRole("button", { name: "Delete item" }).click();
  await page.getByRole("alertdialog", { name: "Delete this content item?" }).getByRole("button", { name: "Yes, delete it" }).click();
  await expectToast(page, "“Launch teaser” was deleted.");
  await expect(page.getByRole("heading", { name: `Content of ${campaign}` })).toBeVisible();
  await expect(page.getByText("No content yet")).toBeVisible();
});
