import { expect, type Page, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { trpc } from "../calendar/calendar-api";
import { expectAccessible, inviteAndReadLink, LONG_JOURNEY_TIMEOUT, signUp, uniqueEmail } from "../helpers";
import { expectToast } from "../toast";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

test("a manager assigns a task to a marketer: the bell shows it live, it is marked read, and with email off for assignments the next one comes in the app only", async ({ page, browser }, testInfo) => {
  test.setTimeout(LONG_JOURNEY_TIMEOUT);
  const tag = randomUUID().slice(0, 6);
  // A workspace of its own, with a marketer invited into it.
  await signUp(page, "Maya Manager");
  const email = uniqueEmail("marketer");
  const link = await inviteAndReadLink(page, email);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const marketer = await context.newPage();
  await marketer.goto(link);
  await marketer.getByLabel("Your name").fill("Theo Marketer");
  await marketer.getByLabel("Choose a password").fill("theo's long password");
  await marketer.getByRole("button", { name: "Accept and join" }).click();
  await expect(marketer.getByRole("heading", { name: "Welcome, Theo" })).toBeVisible();
  await expect(bell(marketer)).toHaveAccessibleName("Notifications");
  await bell(marketer).click();
  await expect(marketer.getByText("You're all caught up")).toBeVisible();
  await expectAccessible(marketer);
  await bell(marketer).click();

  const members = await trpc<{ userId: string; email: string }[]>(page, "member.list", undefined, "query");
  const theo = members.find((member) => member.email === email)!;
  const first = `Draft the launch email ${tag}`;
  await trpc(page, "task.create", { title: first, assigneeId: theo.userId });

  // No reload: the count arrives over the live connection.
  await expect(bell(marketer)).toHaveAccessibleName("Notifications, 1 unread");
  await bell(marketer).click();
  const item = marketer.getByRole("link", { name: `Unread: Maya Manager assigned you “${first}”` });
  await expect(item).toBeVisible();
  await expect(marketer.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await expectAccessible(marketer);
  await marketer.setViewportSize({ width: 375, height: 812 });
  await marketer.screenshot({ path: testInfo.outputPath("bell-phone.png") });
  expect(await marketer.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);

  // Its email waits a minute to gather others; woken on /runs, it goes out with working links.
  await page.goto("/runs");
  await page.getByRole("link", { name: "Email a member's notifications" }).click();
  const wait = page.getByRole("article", { name: "wait-until-send-time" });
  await expect(wait).toContainText("Sleeping");
  await wait.getByRole("button", { name: "Wake now" }).click();
  await expectToast(page, "The step was woken; the run carries on now.");
  await expect(page.getByRole("article", { name: "send-email" })).toContainText("Completed");
  await page.goto("/outbox");
  const sent = page.getByRole("article", { name: `Maya Manager assigned you “${first}”` });
  await expect(sent).toContainText(email);
  await expect(sent).toContainText(/http:\/\/\S+\/tasks\/[0-9a-f-]{36}/);
  await expect(sent).toContainText(/http:\/\/\S+\/account/);

  // Following it opens the task and marks it read.
  await item.click();
  await expect(marketer.getByRole("heading", { name: first, level: 1 })).toBeVisible();
  await expect(bell(marketer)).toHaveAccessibleName("Notifications");
  await marketer.setViewportSize({ width: 1280, height: 800 });

  // Email off for assignments; a bad quiet hour is refused by its field first.
  await marketer.goto("/account");
  const form = marketer.getByRole("form", { name: "Notification preferences" });
  await form.getByLabel("A task is assigned to you").selectOption("In app");
  await form.getByLabel("From").fill("22:00");
  await form.getByRole("button", { name: "Save notification preferences" }).click();
  await expect(form.getByText("Set both ends of quiet hours, or clear both")).toBeVisible();
  await form.getByLabel("Until").fill("07:00");
  await form.getByRole("button", { name: "Save notification preferences" }).click();
  await expectToast(marketer, "Notification preferences saved.");
  await expectAccessible(marketer);
  await marketer.setViewportSize({ width: 375, height: 812 });
  await marketer.screenshot({ path: testInfo.outputPath("preferences-phone.png"), fullPage: true });
  expect(await marketer.evaluate(() => document.documentElement.scrollWidth), "nothing wider than the phone").toBeLessThanOrEqual(375);
  await marketer.setViewportSize({ width: 1280, height: 800 });

  const second = `Book the webinar room ${tag}`;
  await trpc(page, "task.create", { title: second, assigneeId: theo.userId });
  await expect(bell(marketer)).toHaveAccessibleName("Notifications, 1 unread");
  await bell(marketer).focus();
  await marketer.keyboard.press("Enter");
  await expect(marketer.getByRole("link", { name: `Unread: Maya Manager assigned you “${second}”` })).toBeVisible();
  await marketer.getByRole("button", { name: "Mark all as read" }).click();
  await expectToast(marketer, "1 notification marked as read.");
  await expect(bell(marketer)).toHaveAccessibleName("Notifications");
  await marketer.keyboard.press("Escape");
  await expect(bell(marketer)).toBeFocused();

  // No email for the second: no run was started for it.
  await page.goto("/runs");
  await expect(page.getByRole("link", { name: "Email a member's notifications" })).toHaveCount(1);
  await page.goto("/outbox");
  await expect(page.getByRole("article", { name: `Maya Manager assigned you “${first}”` })).toBeVisible();
  await expect(page.getByText(second)).toHaveCount(0);
  await context.close();
});
