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

test("a campaign's timeline is edited: a milestone added (and refused outside the campaign), renamed, ticked off, moved, deleted after asking, and the template brought back", async ({
  page,
}) => {
  const name = `Timeline webinar ${randomUUID().slice(0, 6)}`;
  const [start, launch, end] = [day(30), day(50), day(60)];
  await page.goto("/campaigns/new");
  await expectAccessible(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Owner").selectOption("Alex Morgan");
  await page.getByRole("checkbox", { name: "Email" }).check();
  await page.getByLabel("Start date").fill(start);
  await page.getByLabel("Launch date").fill(launch);
  await page.getByLabel("End date").fill(end);
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  const timeline = page.getByRole("region", { name: "Timeline" });
  const milestones = timeline.getByRole("list", { name: "Milestones" }).getByRole("listitem");
  const row = (milestone: string | RegExp) => milestones.filter({ hasText: milestone });
  await expect(row("Webinar day")).toBeVisible();
  const fromTemplate = await milestones.count();
  await expectAccessible(page);

  // A day outside the campaign is refused with the campaign's dates; nothing is added.
  const add = timeline.getByRole("form", { name: "Add a milestone" });
  await add.getByLabel("Milestone").fill("Press kit ready");
  await add.getByLabel("Due date").fill(day(90));
  await add.getByRole("button", { name: "Add milestone" }).click();
  await expect(add.getByText(`Pick a day between the campaign's start (${start}) and end (${end}).`)).toBeVisible();
  await expect(milestones).toHaveCount(fromTemplate);

  await add.getByLabel("Due date").fill(day(40));
  await add.getByRole("button", { name: "Add milestone" }).click();
  await expect(row("Press kit ready")).toBeVisible();
  await expect(add.getByLabel("Milestone")).toHaveValue("");

  // Renamed, ticked off and moved, each kept after a reload.
  await row("Press kit ready").getByRole("button", { name: "Rename Press kit ready" }).click();
  await row("Press kit ready").getByLabel("New name for Press kit ready").fill("Press kit signed off");
  await row("Press kit ready").getByRole("button", { name: "Save" }).click();
  const pressKit = row("Press kit signed off");
  await expect(pressKit).toBeVisible();
  await pressKit.getByRole("checkbox", { name: "Press kit signed off done" }).check();
  await pressKit.getByLabel("Due date of Press kit signed off").fill(day(45));
  await expect(pressKit.getByLabel("Due date of Press kit signed off")).toHaveValue(day(45));
  await page.reload();
  await expect(pressKit.getByRole("checkbox", { name: "Press kit signed off done" })).toBeChecked();
  await expect(pressKit.getByLabel("Due date of Press kit signed off")).toHaveValue(day(45));

  // The activity tells the story in words.
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByText("marked a milestone “Press kit signed off” done")).toBeVisible();
  await expect(activity.getByText(/changed a milestone “Press kit signed off”: name from Press kit ready to Press kit signed off/)).toBeVisible();

  // Deleting asks first; keeping it changes nothing.
  await pressKit.getByRole("button", { name: "Delete Press kit signed off" }).click();
  const question = pressKit.getByRole("alertdialog", { name: "Delete milestone “Press kit signed off”?" });
  await question.getByRole("button", { name: "Keep it" }).click();
  await expect(question).toBeHidden();
  await pressKit.getByRole("button", { name: "Delete Press kit signed off" }).click();
  await question.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(pressKit).toBeHidden();
  await expect(milestones).toHaveCount(fromTemplate);

  // A template milestone deleted, then the whole timeline regenerated from the template after confirming.
  await row("Webinar day").getByRole("button", { name: "Delete Webinar day" }).click();
  await row("Webinar day").getByRole("button", { name: "Yes, delete it" }).click();
  await expect(row("Webinar day")).toBeHidden();
  await timeline.getByRole("button", { name: "Regenerate from template" }).click();
  await timeline.getByRole("group", { name: "Confirm regenerate" }).getByRole("button", { name: "Yes, regenerate" }).click();
  await expect(row("Webinar day")).toBeVisible();
  await expect(milestones).toHaveCount(fromTemplate);
  await expect(activity.getByText("planned the timeline again from the template")).toBeVisible();
  // The template's first steps fall before this campaign's start: kept, and named.
  await expect(timeline.getByText(/“Topic & speakers confirmed” is due \d{4}-\d{2}-\d{2}, before the campaign starts/)).toBeVisible();
});
