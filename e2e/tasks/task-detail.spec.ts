import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT, signIn } from "../helpers";
import { expectToast } from "../toast";
import { createTaskThroughDialog, shownTimeZone, localDateTime } from "./task-form";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

test.use({ storageState: ADMIN_STATE });

test("a task made in the dialog is edited, linked, refused a loop, commented on with a mention, read in its history and deleted", async ({ page, browser }, testInfo) => {
  const suffix = randomUUID().slice(0, 6);
  const brief = `Write the brief ${suffix}`;
  const launch = `Publish the launch post ${suffix}`;
  await page.goto("/");

  await createTaskThroughDialog(page, { title: brief, days: 4, time: "12:00" });
  await expectToast(page, `Created “${brief}”.`);

  // The second waits on the first but is due before it: created, with the warning in words.
  await page.getByRole("button", { name: "New task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill(launch);
  const zone = await shownTimeZone(dialog);
  await dialog.getByLabel("Due").fill(localDateTime(zone, 2, "12:00"));
  await dialog.getByLabel("Estimate (hours)").fill("1001");
  await dialog.getByLabel("Depends on").fill(brief);
  await dialog.getByRole("button", { name: `Add “${brief}”` }).click();
  await expect(dialog.getByRole("list", { name: "Waits on" })).toContainText(brief);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("new-task-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Create task" }).click();
  // Checked before it is sent, with the server's own words, by the field.
  await expect(dialog.getByLabel("Estimate (hours)")).toHaveAccessibleDescription("The estimate can be at most 1,000");
  await expectAccessible(page);
  await dialog.getByLabel("Estimate (hours)").fill("3");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expectToast(page, new RegExp(`Created “${launch}”\\. Due before “${brief}”, which it waits on \\(due .+\\)\\.`));
  await page.getByRole("button", { name: "Open" }).first().click();

  await expect(page.getByRole("heading", { name: launch, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(launch));
  await expect(page.getByRole("list", { name: "Blocked by" }).getByRole("link", { name: brief })).toBeVisible();
  await expect(page.getByText("Check the due date:")).toBeVisible();
  await expect(page.getByRole("button", { name: "Assign automatically" })).toBeVisible();
  await expectAccessible(page);

  // Starting it is refused while what it waits on is open.
  const status = page.getByRole("form", { name: "Move the task" });
  await status.getByLabel("Move to").selectOption("In progress");
  await status.getByRole("button", { name: "Move" }).click();
  await expect(status.getByLabel("Move to")).toHaveAccessibleDescription(`“${launch}” can't start yet: it waits on “${brief}”, which is not done.`);

  // Due after the brief now, a bigger estimate and (where the workspace has a catalogue) a skill.
  const details = page.getByRole("form", { name: "Task details" });
  await details.getByLabel("Due").fill(localDateTime(zone, 6, "17:30"));
  await details.getByLabel("Estimate (hours)").fill("6.5");
  const skills = details.getByRole("group", { name: "Required skills" }).getByRole("checkbox");
  const skill = (await skills.count()) > 0 ? await details.getByRole("group", { name: "Required skills" }).locator("label").first().innerText() : null;
  if (skill) await skills.first().check();
  await details.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Saved.");
  await expect(page.getByText("Check the due date:")).toHaveCount(0);
  await expect(details.getByLabel("Estimate (hours)")).toHaveValue("6.5");

  // The brief cannot also wait on this task: the loop is named.
  const dependencies = page.getByRole("region", { name: "Dependencies" });
  await dependencies.getByLabel("Add a task that needs it").fill(brief);
  await dependencies.getByRole("button", { name: `Add “${brief}”` }).click();
  await expect(dependencies.getByRole("alert")).toContainText(`That would make a loop: “${brief}” → “${launch}” → “${brief}”.`);

  // A mention chosen from the suggestions is shown as the teammate's name.
  const comments = page.getByRole("region", { name: "Comments" });
  const box = comments.getByLabel("Comment", { exact: true });
  await box.fill("Over to @Pri");
  await comments.getByRole("option", { name: "Priya Shah" }).click();
  await box.press("End");
  await box.pressSequentially("for a read, please. cc @tom");
  // The keyboard alone chooses too.
  await expect(comments.getByRole("option", { name: "Tom Becker", selected: true })).toBeVisible();
  await box.press("Enter");
  await comments.getByRole("button", { name: "Comment" }).click();
  await expectToast(page, "Comment added.");
  await expect(comments.getByRole("list", { name: "Comments" })).toContainText("Over to @Priya Shah for a read, please. cc @Tom Becker");
  await expect(comments.getByRole("list", { name: "Comments" }).getByText("@Priya Shah")).toBeVisible();

  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText("Alex Morgan created the task");
  await expect(history).toContainText("set the estimate to 6.5 h");
  if (skill) await expect(history).toContainText(`set the required skills to ${skill}`);
  await expect(history).toContainText("Alex Morgan commented");
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("task-phone.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 900 });

  const taskUrl = page.url();
  // A viewer reads the same page and changes nothing.
  const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@demo.test");
  await expect(viewer.getByRole("button", { name: "New task" })).toHaveCount(0);
  await viewer.goto(taskUrl);
  await expect(viewer.getByRole("heading", { name: launch, level: 1 })).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Task details" }).getByLabel("Title")).toBeDisabled();
  await expect(viewer.getByRole("list", { name: "Comments" })).toContainText("@Priya Shah");
  for (const name of ["Save changes", "Move", "Comment", "Delete task", "Assign automatically"]) await expect(viewer.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expectAccessible(viewer);
  await viewerContext.close();

  await page.getByRole("button", { name: "Delete task" }).click();
  await page.getByRole("alertdialog", { name: "Delete this task?" }).getByRole("button", { name: "Yes, delete it" }).click();
  // Back to the board; the task's own address no longer finds it.
  await expectToast(page, `Deleted “${launch}”.`);
  await expect(page).toHaveURL(/\/tasks$/);
  await expectAccessible(page);
  await page.goto(taskUrl);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
