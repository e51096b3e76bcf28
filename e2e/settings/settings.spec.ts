import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { expectToast } from "../toast";
import { formatDayRange } from "@/server/services/date-time";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

// Its own admin in a workspace of their own: the limits, zone and holidays it changes would otherwise
// change the demo workspace under the calendar journeys running beside it.
test.use({ locale: "en-US" });

test("an admin picks a holiday country, adds a blackout date and a template milestone, and all of it is kept after reload", async ({ page }) => {
  // Three sections, each saved and checked after a reload: on a loaded machine this ran just past 90 s.
  test.setTimeout(2 * LONG_JOURNEY_TIMEOUT);
  const tag = randomUUID().slice(0, 6);
  await signUp(page, "Sina Settings");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Planning: narrow the country list, then pick Germany.
  const planning = page.getByRole("region", { name: "Planning" });
  await planning.getByLabel("Find a country").fill("germ");
  await planning.getByLabel("Holiday country").selectOption({ label: "Germany" });
  await planning.getByLabel("Time zone").selectOption("Europe/Berlin");
  await planning.getByRole("button", { name: "Save planning settings" }).click();
  await expectToast(page, "Planning settings saved.");

  // A limit out of range is refused next to its field.
  await planning.getByLabel("Most items per channel per day").fill("51");
  await planning.getByRole("button", { name: "Save planning settings" }).click();
  await expect(planning.getByText("Use a limit of at most 50 items per channel per day")).toBeVisible();
  await expectAccessible(page);
  await planning.getByLabel("Most items per channel per day").fill("4");
  await planning.getByRole("button", { name: "Save planning settings" }).click();
  await expectToast(page, "Planning settings saved.");

  // Blackout dates.
  const blackouts = page.getByRole("region", { name: "Blackout dates" });
  const reason = `Offsite ${tag}`;
  await blackouts.getByLabel("First day").fill("2027-06-10");
  await blackouts.getByLabel("Last day").fill("2027-06-11");
  await blackouts.getByLabel("Reason").fill(reason);
  await blackouts.getByRole("button", { name: "Add blackout" }).click();
  await expectToast(page, `Blackout “${reason}” added.`);
  await expect(blackouts.getByText(reason)).toBeVisible();
  await expect(blackouts.getByText(formatDayRange({ locale: "en-US" }, "2027-06-10", "2027-06-11"))).toBeVisible();

  // Templates: add a milestone to the newsletter's timeline.
  const templates = page.getByRole("region", { name: "Timeline templates" });
  await templates.getByLabel("Campaign type").selectOption({ label: "Newsletter" });
  await expect(templates.getByText("The built-in template.")).toBeVisible();
  const count = await templates.getByRole("list", { name: "Milestones" }).getByRole("listitem").count();
  await templates.getByRole("button", { name: "Add milestone" }).click();
  // An empty name is refused before anything is sent.
  await templates.getByRole("button", { name: "Save template" }).click();
  await expect(templates.getByText("Give the milestone a name")).toBeVisible();
  await expectAccessible(page);
  const milestone = `Subject line test ${tag}`;
  await templates.getByLabel(`Milestone ${count + 1} name`).fill(milestone);
  await templates.getByLabel(`Milestone ${count + 1} business days before launch`).fill("2");
  await templates.getByRole("button", { name: `Move milestone ${count + 1} up` }).click();
  await templates.getByRole("button", { name: "Save template" }).click();
  await expectToast(page, "The newsletter template is saved. New campaigns of this type use it.");

  await page.reload();
  await expect(page.getByRole("region", { name: "Planning" }).getByLabel("Holiday country")).toHaveValue("DE");
  await expect(page.getByRole("region", { name: "Planning" }).getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByRole("region", { name: "Planning" }).getByLabel("Most items per channel per day")).toHaveValue("4");
  await expect(page.getByRole("region", { name: "Blackout dates" }).getByText(reason)).toBeVisible();
  const reloaded = page.getByRole("region", { name: "Timeline templates" });
  await reloaded.getByLabel("Campaign type").selectOption({ label: "Newsletter (customised)" });
  await expect(reloaded.getByText("Your workspace's own template.")).toBeVisible();
  await expect(reloaded.getByLabel(`Milestone ${count} name`)).toHaveValue(milestone);
  await expect(reloaded.getByLabel(`Milestone ${count} business days before launch`)).toHaveValue("2");

  // Back to the built-in one, after confirming.
  await reloaded.getByRole("button", { name: "Reset to default" }).click();
  await reloaded.getByRole("button", { name: "Yes, reset" }).click();
  await expect(reloaded.getByText("The built-in template.")).toBeVisible();
  await expect(reloaded.getByRole("list", { name: "Milestones" }).getByRole("listitem")).toHaveCount(count);

  // And the blackout date goes.
  await page.getByRole("region", { name: "Blackout dates" }).getByRole("button", { name: new RegExp(`Remove blackout “${reason}”`) }).click();
  await expectToast(page, "Blackout removed.");
  await expect(page.getByRole("region", { name: "Blackout dates" }).getByText(reason)).toHaveCount(0);
});
