import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT } from "../helpers";

// At a phone's width (390 px): a menu instead of a cut-off navigation, filters behind one button,
// the calendar's list first, and lists of cards instead of tables that scroll sideways.

test.use({ storageState: ADMIN_STATE, viewport: { width: 390, height: 844 }, timezoneId: "America/New_York" });

const WIDTH = 390;
const HEIGHT = 844;

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

test("the navigation opens from a menu button and every item in it can be reached", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const label of ["Home", "Calendar", "Campaigns", "Team", "Runs", "Outbox", "Settings"]) {
    const link = nav.getByRole("link", { name: label, exact: true });
    await expect(link).toBeVisible();
    // Whole on screen, not cut to "Settin".
    const box = (await link.boundingBox())!;
    expect(box.x, label).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, label).toBeLessThanOrEqual(WIDTH);
    expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth), label).toBe(true);
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  // The next page starts with the menu folded again.
  await expect(nav).toBeHidden();
  await expectNoSidewaysScroll(page);
});

test("the calendar opens on its list, with the filters folded and events above the fold", async ({ page }) => {
  await page.goto("/calendar");
  await expect(page.getByRole("group", { name: "View" }).getByRole("button", { name: "List" })).toHaveAttribute("aria-pressed", "true");
  const filters = page.getByRole("button", { name: "Filters" });
  await expect(filters).toBeVisible();
  await expect(page.getByLabel("Campaign")).toBeHidden();
  // The demo workspace has milestones this month: the first is on the first screen.
  const firstEvent = page.locator(".fc-list-event").getByRole("link").first();
  await expect(firstEvent).toBeVisible();
  const box = (await firstEvent.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await filters.click();
  await expect(page.getByLabel("Campaign")).toBeVisible();
  await expectAccessible(page);
});

test("the campaign list is a list of cards with whole dates and no sideways scrolling", async ({ page }) => {
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Search")).toBeHidden();
  const rows = page.getByRole("table", { name: "Campaigns" }).getByRole("row");
  const card = rows.filter({ has: page.getByRole("link") }).first();
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  // The dates say their year, and none of them is cut off.
  const dates = card.getByRole("cell").filter({ hasText: /\b20\d\d\b/ }).first();
  await expect(dates).toBeVisible();
  expect(await dates.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const datesBox = (await dates.boundingBox())!;
  expect(datesBox.x + datesBox.width).toBeLessThanOrEqual(WIDTH);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("the team, runs and outbox fit a phone without sideways scrolling", async ({ page }) => {
  // Three long pages, each checked by axe: the demo's runs and outbox now hold its reminders and digests.
  test.setTimeout(LONG_JOURNEY_TIMEOUT);
  for (const [path, heading] of [
    ["/team", "Team"],
    ["/runs", "Runs"],
    ["/outbox", "Outbox"],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
});
