import { expect, type Page, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { addDays, trpc } from "./calendar-api";
import { ADMIN_STATE, expectAccessible, LONG_JOURNEY_TIMEOUT } from "../helpers";
import { drag } from "../drag";

// What a first-time planner tripped on in the month view: milestones that do not say whose they are,
// a refusal that outlived the month it was about, and a blackout label drawn over the day number.

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });

const TIME_ZONE = "America/New_York";
test.use({ storageState: ADMIN_STATE, timezoneId: TIME_ZONE, viewport: { width: 1280, height: 1400 } });

/** A month of its own for each test, `ahead` months from now, and its second Wednesday. */
function quietMonth(ahead: number) {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1)).toISOString().slice(0, 10);
  const wednesday = addDays(first, ((3 - new Date(`${first}T00:00:00Z`).getUTCDay() + 7) % 7) + 7);
  return { first, wednesday };
}

async function createCampaign(page: Page, name: string, first: string) {
  const members = await trpc<{ userId: string; name: string }[]>(page, "member.list", undefined, "query");
  const owner = members.find((member) => member.name === "Alex Morgan")!;
  return trpc<{ id: string }>(page, "campaign.create", {
    name,
    type: "webinar",
    ownerId: owner.userId,
    startDate: first,
    launchDate: addDays(first, 10),
    endDate: addDays(first, 20),
    channels: ["linkedin"],
    withTimeline: false,
  });
}

const cell = (page: Page, day: string) => page.locator(`td.fc-daygrid-day[data-date="${day}"]`);

test("two campaigns' milestones on one day say whose they are, with a preview on hover and on keyboard focus", async ({ page }) => {
  const { first, wednesday } = quietMonth(6);
  const suffix = randomUUID().slice(0, 6);
  const [spring, autumn] = [`Spring launch ${suffix}`, `Autumn webinar ${suffix}`];
  for (const name of [spring, autumn]) {
    const campaign = await createCampaign(page, name, first);
    await trpc(page, "milestone.create", { campaignId: campaign.id, name: "Review & approval", dueDate: wednesday });
  }

  await page.goto(`/calendar?view=month&date=${wednesday}`);
  const springMilestone = cell(page, wednesday).getByRole("link", { name: new RegExp(`Milestone: Review & approval\\s*· ${spring}`) });
  const autumnMilestone = cell(page, wednesday).getByRole("link", { name: new RegExp(`Milestone: Review & approval\\s*· ${autumn}`) });
  await expect(springMilestone).toBeVisible();
  await expect(autumnMilestone).toBeVisible();
  // The campaign is on screen, not only in the link's name.
  await expect(springMilestone).toContainText(spring);

  // Hovering shows the campaign, the day and the owner.
  const preview = page.getByRole("tooltip");
  await springMilestone.hover();
  await expect(preview).toContainText(spring);
  await expect(preview).toContainText("Alex Morgan");
  await expect(preview).toContainText("Review & approval");
  await expectAccessible(page);

  // The keyboard reaches the other one and gets its preview; Escape puts it away.
  await autumnMilestone.focus();
  await expect(preview).toContainText(autumn);
  await expect(autumnMilestone).toHaveAccessibleDescription(new RegExp(autumn));
  await page.keyboard.press("Escape");
  await expect(preview).toHaveCount(0);
});

test("a refused drag's message goes away with the month it was about", async ({ page }) => {
  const { first, wednesday } = quietMonth(7);
  const name = `Refusal ${randomUUID().slice(0, 6)}`;
  const campaign = await createCampaign(page, name, first);
  await trpc(page, "content.create", {
    campaignId: campaign.id,
    channel: "linkedin",
    title: `Refused post ${name}`,
    body: "Soon.",
    scheduledAt: { localDateTime: `${wednesday}T09:00`, timeZone: TIME_ZONE },
  });

  await page.goto(`/calendar?view=month&date=${wednesday}&campaign=${campaign.id}`);
  const post = cell(page, wednesday).getByRole("link", { name: /LinkedIn: Refused post/ });
  await expect(post).toBeVisible();
  // After the campaign's end: refused, in the server's words.
  await drag(page, post, cell(page, addDays(first, 24)));
  const refusal = page.getByRole("alert").filter({ hasText: "Pick a day between the campaign's start" });
  await expect(refusal).toBeVisible();

  await page.getByRole("button", { name: "Next month" }).click();
  await expect(refusal).toHaveCount(0);
  await page.getByRole("button", { name: "Previous month" }).click();
  await expect(post).toBeVisible();
  await expect(refusal).toHaveCount(0);
});

test("a blackout day's label does not cover the day's number", async ({ page }) => {
  const { wednesday } = quietMonth(8);
  const reason = `Offsite ${randomUUID().slice(0, 6)}`;
  await trpc(page, "settings.addBlackout", { startDate: wednesday, endDate: addDays(wednesday, 1), reason });
  try {
    await page.goto(`/calendar?view=month&date=${wednesday}`);
    const day = cell(page, wednesday);
    const label = day.getByText(`Blackout: ${reason}`);
    await expect(label).toBeVisible();
    const [labelBox, numberBox] = [await label.boundingBox(), await day.locator(".fc-daygrid-day-number").boundingBox()];
    const overlap =
      labelBox!.x < numberBox!.x + numberBox!.width &&
      numberBox!.x < labelBox!.x + labelBox!.width &&
      labelBox!.y < numberBox!.y + numberBox!.height &&
      numberBox!.y < labelBox!.y + labelBox!.height;
    expect(overlap, `label ${JSON.stringify(labelBox)} and day number ${JSON.stringify(numberBox)}`).toBe(false);
    await expectAccessible(page);
  } finally {
    const blackouts = await trpc<{ id: string; reason: string }[]>(page, "settings.listBlackouts", undefined, "query");
    for (const blackout of blackouts.filter((b) => b.reason === reason)) await trpc(page, "settings.removeBlackout", { blackoutId: blackout.id });
  }
});
