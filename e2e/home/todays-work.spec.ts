import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN_STATE, expectAccessible } from "../helpers";
import { createTaskThroughDialog, localDateTime, shownTimeZone } from "../tasks/task-form";
import { expectToast } from "../toast";

test.use({ storageState: ADMIN_STATE });

test("a task due today shows on the home page and one click marks it done", async ({ page }, testInfo) => {
  // The task is due at 23:59 today in the viewer's zone; in the day's last minutes that is already past.
  const minutesLeft = 24 * 60 - (new Date().getUTCHours() * 60 + new Date().getUTCMinutes());
  test.skip(minutesLeft < 5, "too close to midnight for a task due later today");
  const title = `Today's work ${randomUUID().slice(0, 8)}`;
  await page.goto("/");
  const today = page.getByRole("region", { name: "Today's work" });
  await expect(today).toBeVisible();
  await expectAccessible(page);

  await createTaskThroughDialog(page, { title, days: 0, time: "23:59" });
  await expectToast(page, `Created “${title}”.`);
  const dueToday = today.getByRole("list", { name: "Due today" });
  await expect(dueToday.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("home-phone.png"), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "nothing wider than the phone").toBeLessThanOrEqual(375);

  await today.getByRole("button", { name: `Done: ${title}` }).click();
  await expectToast(page, `Marked “${title}” done.`);
  await expect(today.getByRole("link", { name: title })).toHaveCount(0);
});

test("an overdue task of a campaign is listed as overdue, and the team's overdue count leads to the board", async ({ page }) => {
  const title = `Overdue work ${randomUUID().slice(0, 8)}`;
  await page.goto("/");
  await createTaskThroughDialog(page, {
    title,
    days: 1,
    time: "09:00",
    fill: async (dialog) => {
      await dialog.getByLabel("Campaign").selectOption("Acme Cloud 3.0 launch");
      // The milestones offered are the campaign's own.
      await expect(dialog.getByLabel("Milestone").getByRole("option")).not.toHaveCount(1);
      await dialog.getByLabel("Milestone").selectOption({ index: 1 });
    },
  });
  await page.getByRole("button", { name: "Open" }).first().click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // An existing task may be moved into the past (only a new one may not).
  const details = page.getByRole("form", { name: "Task details" });
  await details.getByLabel("Due").fill(localDateTime(await shownTimeZone(details), -1, "09:00"));
  await details.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Saved.");

  await page.goto("/");
  const today = page.getByRole("region", { name: "Today's work" });
  const overdue = today.getByRole("list", { name: "Overdue" });
  await expect(overdue.getByRole("link", { name: title })).toBeVisible();
  await expect(overdue.getByRole("listitem").filter({ hasText: title })).toContainText("Acme Cloud 3.0 launch");
  await expectAccessible(page);
  await today.getByRole("link", { name: /tasks? of the team (is|are) overdue/ }).click();
  await expect(page).toHaveURL(/\/tasks\?due=overdue/);
});
