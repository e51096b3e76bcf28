import { expect, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signUp } from "../helpers";
import { expectToast } from "../toast";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

/** "YYYY-MM-DD", `days` from today. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a member sets their skills, capacity and time off, reads the workload, and has a campaign's tasks assigned with the reason", async ({ page }) => {
  // A workspace of its own: the journey changes skills and capacity, and assigns tasks.
  await signUp(page, "Priya Shah");
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Workload, next six weeks" })).toBeVisible();
  await expect(page.getByText("No one is over capacity in the next six weeks.")).toBeVisible();
  await expectAccessible(page);

  // The workspace's skills: one added (twice: the second is refused), then removed.
  const skills = page.getByRole("list", { name: "Skills of this workspace" });
  await page.getByLabel("New skill").fill("podcasting");
  await page.getByRole("button", { name: "Add skill" }).click();
  await expectToast(page, "Added the skill “podcasting”.");
  await expect(skills).toContainText("podcasting");
  await page.getByLabel("New skill").fill("podcasting");
  await page.getByRole("button", { name: "Add skill" }).click();
  await expect(page.getByText("“podcasting” is already one of this workspace's skills.")).toBeVisible();
  await page.getByRole("button", { name: "Remove the skill podcasting" }).click();
  await page.getByRole("alertdialog", { name: "Remove the skill “podcasting”?" }).getByRole("button", { name: "Yes, delete it" }).click();
  await expectToast(page, "Removed the skill “podcasting”.");
  await expect(skills).not.toContainText("podcasting");

  await page.getByRole("button", { name: "Edit Priya Shah's skills and availability" }).click();
  const dialog = page.getByRole("dialog", { name: "Priya Shah: skills and availability" });
  for (const skill of ["copywriting", "design", "video", "social", "email", "seo", "analytics", "events"]) await dialog.getByRole("checkbox", { name: skill }).check();
  await dialog.getByLabel("Weekly capacity (hours)").fill("169");
  await dialog.getByRole("button", { name: "Save profile" }).click();
  await expect(dialog.getByText("Weekly capacity can be at most 168 hours (a whole week)")).toBeVisible();
  await dialog.getByLabel("Weekly capacity (hours)").fill("160");
  await dialog.getByRole("checkbox", { name: "Saturday" }).check();
  await dialog.getByRole("button", { name: "Save profile" }).click();
  await expectToast(page, "Saved Priya Shah's skills and availability.");

  await dialog.getByLabel("First day off").fill(day(60));
  await dialog.getByLabel("Last day off").fill(day(58));
  await dialog.getByRole("button", { name: "Add time off" }).click();
  await expect(dialog.getByText("The last day off can't be before the first day off")).toBeVisible();
  await dialog.getByLabel("Last day off").fill(day(62));
  await dialog.getByLabel("Note (optional)").fill("Conference");
  await dialog.getByRole("button", { name: "Add time off" }).click();
  await expectToast(page, "Time off added for Priya Shah.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Close" }).click();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Priya Shah" }) });
  await expect(card.getByRole("list", { name: "Priya Shah's skills" })).toContainText("copywriting");
  await expect(card).toContainText("160 h a week");
  await expect(card).toContainText("Mon, Tue, Wed, Thu, Fri, Sat");
  await expect(card).toContainText("Conference");

  // A campaign comes with its work plan; its tasks go to the one person with the skills.
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill("Winter webinar");
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Start date").fill(day(3));
  await page.getByLabel("Launch date").fill(day(24));
  await page.getByLabel("End date").fill(day(30));
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expectToast(page, "Campaign created.");
  await page.getByRole("button", { name: "Assign unassigned tasks automatically" }).click();
  await expectToast(page, /^Assigned \d+ tasks?/);
  await expectAccessible(page);

  await page.goto("/tasks");
  await expect(page.getByText(/^Priya Shah: has [a-z ,]+, [\d.,]+ h free in the week of /).first()).toBeVisible();
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Workload, next six weeks" })).toBeVisible();
  await page.getByText("Show the workload as a table").click();
  await expect(page.getByRole("table", { name: "Assigned hours against capacity per member and week" })).toContainText("Priya Shah");
});
