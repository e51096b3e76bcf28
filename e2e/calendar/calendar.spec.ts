import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { randomUUID } from "node:crypto";
import { formatDay } from "@/server/services/date-time";
import { addDays, trpc } from "./calendar-api";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT } from "../helpers";
import { expectToast } from "../toast";
import { drag } from "../drag";

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

// The demo workspace plans in New York; the browser sits there too, so the days agree.
const TIME_ZONE = "America/New_York";
// Tall enough that the whole month grid, trailing days included, is on screen to drag onto.
test.use({ storageState: ADMIN_STATE, timezoneId: TIME_ZONE, locale: "en-US", viewport: { width: 1280, height: 1400 } });

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
/** 09:00 on a day as the app writes it for this browser (en-US): "Wed, Mar 10, 2027, 9:00 AM". */
const nineOn = (day: string) => `${formatDay({ locale: "en-US" }, day)}, 9:00 AM`;

/** Presses on `item`, moves in steps onto the middle of `target`, and lets go, as a person drags. */
test("plan on the calendar: see a campaign's work, drag it, undo, see a conflict, and subscribe", async ({ page }) => {
  // A quiet month three months ahead, and the second Tuesday in it.
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1)).toISOString().slice(0, 10);
  const tuesday = addDays(first, ((2 - new Date(`${first}T00:00:00Z`).getUTCDay() + 7) % 7) + 7);
  const [wednesday, thursday] = [addDays(tuesday, 1), addDays(tuesday, 2)];
  const suffix = randomUUID().slice(0, 6);

  // A webinar from its template, through the campaign form: its milestones are dated back from the launch.
  const name = `Calendar journey ${suffix}`;
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption("Webinar");
  await page.getByLabel("Owner").selectOption("Alex Morgan");
  await page.getByLabel("Audience").fill(`Journey audience ${suffix}`);
  await page.getByRole("checkbox", { name: "LinkedIn" }).check();
  await page.getByRole("checkbox", { name: "X", exact: true }).check();
  await page.getByLabel("Start date").fill(first);
  await page.getByLabel("Launch date").fill(addDays(first, 20));
  await page.getByLabel("End date").fill(addDays(first, 27));
  await expect(page.getByRole("list", { name: "Planned milestones" }).getByText("Webinar day")).toBeVisible();
  await page.getByRole("button", { name: "Create campaign" }).click();
  // The confirmation first: the new campaign's page then has its own time to load.
  await expectToast(page, "Campaign created.");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const campaign = { id: page.url().split("/campaigns/")[1]!, name };
  await trpc(page, "milestone.create", { campaignId: campaign.id, name: "Journey creative ready", dueDate: tuesday });
  await trpc(page, "content.create", {
    campaignId: campaign.id,
    channel: "linkedin",
    title: "Journey teaser",
    body: "Save the date.",
    scheduledAt: { localDateTime: `${tuesday}T09:00`, timeZone: TIME_ZONE },
  });

  // The month view, filtered to this campaign through the address.
  await page.goto(`/calendar?view=month&date=${tuesday}&campaign=${campaign.id}`);
  await expect(page.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Campaign")).toHaveValue(campaign.id);
  // The filters' names arrive after the page; the chosen campaign is then shown by its name.
  await expect(page.getByLabel("Campaign").locator("option:checked")).toHaveText(name);
  const cell = (day: string) => page.locator(`td.fc-daygrid-day[data-date="${day}"]`);
  await expect(cell(tuesday).getByRole("link", { name: /Milestone: Journey creative ready/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Milestone: Webinar day/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Milestone: Reminder emails/ })).toBeVisible();
  const teaser = () => page.getByRole("link", { name: /LinkedIn: Journey teaser/ });
  await expect(cell(tuesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toBeVisible();
  await expectAccessible(page);

  // Drag the post to Wednesday: it stays there after a reload.
  await drag(page, teaser(), cell(wednesday));
  await expect(page.getByRole("status").filter({ hasText: "Moved" })).toContainText(`Moved “Journey teaser” to ${nineOn(wednesday)}`);
  await page.reload();
  await expect(cell(wednesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toBeVisible();
  await expect(cell(tuesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toHaveCount(0);

  // A day after the campaign ends is refused in the server's words, and the post goes back.
  const afterEnd = addDays(first, 29);
  await drag(page, teaser(), cell(afterEnd));
  await expect(page.getByRole("alert").filter({ hasText: "Pick a day between the campaign's start" })).toContainText(`${afterEnd} is outside it.`);
  await expectAccessible(page);
  await expect(cell(wednesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toBeVisible();
  await expect(cell(afterEnd).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toHaveCount(0);

  // Drag it on to Thursday, then undo: back on Wednesday, also after a reload.
  await drag(page, teaser(), cell(thursday));
  const moved = page.getByRole("status").filter({ hasText: "Moved" });
  await expect(moved).toContainText(`Moved “Journey teaser” to ${nineOn(thursday)}`);
  await moved.getByRole("button", { name: "Undo" }).click();
  await expect(moved).toContainText(`Moved “Journey teaser” back to ${nineOn(wednesday)}`);
  await expect(cell(wednesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toBeVisible();
  await page.reload();
  await expect(cell(wednesday).getByRole("link", { name: /LinkedIn: Journey teaser/ })).toBeVisible();

  // One more X post on Thursday than the daily limit (3): a warning above the grid and a marker on the day.
  for (const hour of ["10", "11", "12", "13"]) {
    await trpc(page, "content.create", {
      campaignId: campaign.id,
      channel: "x",
      title: `Journey post ${hour}`,
      body: "Counting down.",
      scheduledAt: { localDateTime: `${thursday}T${hour}:00`, timeZone: TIME_ZONE },
    });
  }
  await page.reload();
  await expect(page.getByRole("alert", { name: "Conflicts" })).toContainText(`4 X posts on ${dayLabel(thursday)}; the limit is 3.`);
  await expect(cell(thursday).getByRole("img", { name: /Warning: 4 X posts/ })).toBeVisible();
  await expectAccessible(page);

  // One more thing on Thursday than the month shows a day (4): the rest is "+N more", which opens the day with everything.
  await trpc(page, "milestone.create", { campaignId: campaign.id, name: "Journey countdown", dueDate: thursday });
  await page.reload();
  const more = cell(thursday).getByRole("link", { name: /^\+\d+ more$/ });
  await expect(more).toBeVisible();
  await expect(cell(thursday).getByRole("link")).toHaveCount(5);
  await more.click();
  await expect(page.getByRole("group", { name: "View" }).getByRole("button", { name: "Day" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("link", { name: `Milestone: Journey countdown · ${name}` })).toBeVisible();
  for (const hour of ["10", "11", "12", "13"]) await expect(page.getByRole("link", { name: `X: Journey post ${hour}` })).toBeVisible();
  await expectAccessible(page);

  // The list view, for keyboard users: every entry is a link.
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "List" }).click();
  await expect(page.getByRole("link", { name: `Launch: Calendar journey ${suffix}` })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "X: Journey post 13" })).toBeVisible();
  await page.getByRole("button", { name: "Next month" }).click();
  await expect(page.getByRole("link", { name: "X: Journey post 13" })).toHaveCount(0);
  await page.getByRole("button", { name: "Previous month" }).click();
  await expect(page.getByRole("link", { name: "X: Journey post 13" })).toBeVisible();

  // Subscribe: make the private link and read it as a calendar app would.
  const subscribe = page.getByRole("region", { name: "Subscribe" });
  await subscribe.getByRole("button", { name: "Create calendar link" }).click();
  await expectToast(page, "Your calendar link is ready.");
  await expectAccessible(page);
  const url = await subscribe.getByLabel("Your calendar link").inputValue();
  expect(url).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  const find = (summary: string) => events.find((event) => event.summary === summary);
  expect(find(`Calendar journey ${suffix}`)?.startDate.toString()).toBe(first);
  expect(find(`Journey creative ready (Calendar journey ${suffix})`)?.startDate.toString()).toBe(tuesday);
  const post = find("LinkedIn: Journey teaser");
  // Stored and served in UTC; in New York it is still 09:00 on Wednesday.
  expect(post?.startDate.zone.tzid).toBe("UTC");
  const inNewYork = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, dateStyle: "short", timeStyle: "short" });
  expect(inNewYork.format(post!.startDate.toJSDate())).toBe(`${wednesday} 09:00`);

  // Turned off, the link answers "not found".
  await subscribe.getByRole("button", { name: "Turn off…" }).click();
  await subscribe.getByRole("button", { name: "Turn off link" }).click();
  await expectToast(page, "The link is turned off.");
  await expect(subscribe.getByRole("button", { name: "Create calendar link" })).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
});
