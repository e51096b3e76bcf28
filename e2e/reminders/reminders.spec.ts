import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, LONG_JOURNEY_TIMEOUT, signIn } from "../helpers";
import { createTaskThroughDialog, localDateTime, shownTimeZone } from "../tasks/task-form";
import { expectToast } from "../toast";

test.describe.configure({ timeout: 3 * LONG_JOURNEY_TIMEOUT });

// The reminder ladder end to end on the embedded executor, in the demo
// workspace: Alex Morgan (the admin) gives Tom Becker a task with a due date;
// Tom hears of it in his bell at once; the task's reminders wait on /runs, where
// waking "due soon" sends it; moving the due date replaces the waiting run;
// finishing the task cancels what is left.

async function signedInAs(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The runs page's row for the reminder run of `title` in the given state ("Sleeping", "Cancelled"). */
function reminderRun(page: Page, title: string, state: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Remind of a task's due date" }) })
    .filter({ hasText: `Reminders for “${title}”` })
    .filter({ hasText: state });
}

test("a due-date reminder waits on /runs, is sent when woken, moves with the due date, and stops when the task is done", async ({ browser }) => {
  const title = `Send the partner brief ${randomUUID().slice(0, 6)}`;
  const alex = await signedInAs(browser, "admin@demo.test");
  const tom = await signedInAs(browser, "tom@demo.test");

  // Tom watches his bell while Alex assigns him the task, due in two days.
  await tom.page.goto("/");
  const bell = tom.page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toBeVisible();

  await alex.page.goto("/tasks");
  await createTaskThroughDialog(alex.page, {
    title,
    days: 2,
    time: "17:00",
    fill: async (dialog) => {
      await dialog.getByLabel("Assignee").selectOption({ label: "Tom Becker" });
    },
  });
  await expectToast(alex.page, `Created “${title}”.`);

  // No reload: the assignment arrives in his bell.
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell.click();
  await expect(tom.page.getByRole("link", { name: `Unread: Alex Morgan assigned you “${title}”` })).toBeVisible();
  await tom.page.keyboard.press("Escape");

  // The reminder run waits for "due soon", a day before the due time.
  await alex.page.goto("/runs");
  const waiting = reminderRun(alex.page, title, "Sleeping");
  await expect(waiting.getByText(new RegExp(`Reminders for “${title}”, “due soon” reminder sleeping until .+`))).toBeVisible();
  await expectAccessible(alex.page);
  await waiting.getByRole("link", { name: "Remind of a task's due date" }).click();
  const dueSoon = alex.page.getByRole("article", { name: "wait-for-due-soon" });
  await dueSoon.getByRole("button", { name: "Wake now" }).click();
  await expectToast(alex.page, "The step was woken; the run carries on now.");
  await expect(alex.page.getByRole("article", { name: "send-due-soon" })).toContainText("Completed");
  await expect(alex.page.getByRole("article", { name: "wait-for-due-in-an-hour" })).toContainText("Sleeping");

  // Tom is told in his bell, and by email: woken on /runs, his next notification email goes to the outbox.
  await bell.click();
  await expect(tom.page.getByRole("link", { name: `Unread: “${title}” is due soon` })).toBeVisible();
  await tom.page.keyboard.press("Escape");
  await alex.page.goto("/runs");
  const email = alex.page
    .getByRole("row")
    .filter({ has: alex.page.getByRole("link", { name: "Email a member's notifications" }) })
    .filter({ hasText: /Notifications for Tom Becker, email sleeping until/ });
  await email.first().getByRole("link", { name: "Email a member's notifications" }).click();
  await alex.page.getByRole("article", { name: "wait-until-send-time" }).getByRole("button", { name: "Wake now" }).click();
  await expectToast(alex.page, "The step was woken; the run carries on now.");
  await expect(alex.page.getByRole("article", { name: "send-email" })).toContainText("Completed");
  await alex.page.goto("/outbox");
  const sent = alex.page.getByRole("article").filter({ hasText: `“${title}” is due soon` });
  await expect(sent).toContainText("tom@demo.test");
  await expect(sent).toContainText(/http:\/\/\S+\/tasks\/[0-9a-f-]{36}/);

  // Alex moves the due date: the waiting run is cancelled and a new one waits.
  await alex.page.goto("/tasks?q=" + encodeURIComponent(title));
  await alex.page.getByRole("link", { name: title }).first().click();
  await expect(alex.page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const details = alex.page.getByRole("form", { name: "Task details" });
  await details.getByLabel("Due").fill(localDateTime(await shownTimeZone(details), 5, "17:00"));
  await details.getByRole("button", { name: "Save changes" }).click();
  await expectToast(alex.page, "Saved.");
  await expect(alex.page.getByRole("list", { name: "History" })).toContainText("Crescendo sent the “due soon” reminder to Tom Becker");

  await alex.page.goto("/runs");
  await expect(reminderRun(alex.page, title, "Cancelled")).toHaveCount(1);
  await expect(reminderRun(alex.page, title, "Sleeping")).toHaveCount(1);

  // Tom finishes it before the next reminder: the waiting run is cancelled, nothing more is sent.
  await tom.page.goto("/tasks?q=" + encodeURIComponent(title));
  await tom.page.getByRole("link", { name: title }).first().click();
  const status = tom.page.getByRole("form", { name: "Move the task" });
  for (const next of ["In progress", "Done"]) {
    await status.getByLabel("Move to").selectOption(next);
    await status.getByRole("button", { name: "Move" }).click();
    await expectToast(tom.page, new RegExp(`Moved .*${next}`));
  }
  await alex.page.reload();
  await expect(reminderRun(alex.page, title, "Cancelled")).toHaveCount(2);
  await expect(reminderRun(alex.page, title, "Sleeping")).toHaveCount(0);

  await alex.context.close();
  await tom.context.close();
});
