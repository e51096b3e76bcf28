import { expect, type Page, test } from "@playwright/test";
import { formatDate, formatDateTime, formatDay, formatMoney, type Viewer } from "@/server/services/date-time";
import { inviteAndReadLink, LONG_JOURNEY_TIMEOUT, signIn, uniqueEmail } from "../helpers";

// A member in Los Angeles whose browser speaks German: every page is written in
// their zone and locale from the first byte, so hydration changes nothing and
// nothing is logged. The journey signs in afresh (no shared state), as a first
// visit from this browser does: the sign-in page is what tells the server the zone.
const viewer: Viewer = { timeZone: "America/Los_Angeles", locale: "de-DE" };

test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });
test.use({ timezoneId: viewer.timeZone, locale: viewer.locale, storageState: { cookies: [], origins: [] } });

/** Every <time> element's machine value and text, from the server's HTML or from the live page. */
type Stamp = { value: string; text: string };

function stampsInHtml(html: string): Stamp[] {
  return [...html.matchAll(/<time[^>]*\bdatetime="([^"]+)"[^>]*>([^<]*)<\/time>/gi)].map(([, value, text]) => ({ value: value!, text: text! }));
}

/** What the module writes for a stamp: a plain day, or an instant as a date and time (or its date only). */
function expectWrittenForViewer(stamps: Stamp[], where: string) {
  for (const { value, text } of stamps) {
    const expected = value.length === 10 ? [formatDay(viewer, value)] : [formatDateTime(viewer, new Date(value)), formatDate(viewer, new Date(value))];
    expect(expected, `${where}: <time datetime="${value}">`).toContain(text);
  }
}

/**
 * Loads `path` as the browser does and checks the text twice: in the HTML the
 * server sent (first paint, before any script) and on the page once hydrated.
 * Returns the server's stamps.
 */
async function visit(page: Page, path: string): Promise<Stamp[]> {
  const response = await page.request.get(path, { headers: { "accept-language": "de-DE,de;q=0.9" } });
  expect(response.ok(), `${path} answers`).toBe(true);
  const served = stampsInHtml(await response.text());
  expectWrittenForViewer(served, `${path} as served`);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const live = await page.locator("time").evaluateAll((nodes) => nodes.map((node) => ({ value: node.getAttribute("datetime") ?? "", text: node.textContent ?? "" })));
  expectWrittenForViewer(live, `${path} after hydration`);
  return served;
}

test("Los Angeles in German: every page is written in the viewer's zone and locale on first paint, with no console error", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${new URL(page.url()).pathname}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${new URL(page.url()).pathname}: page error: ${error.message}`));

  await signIn(page, "admin@demo.test");
  // An invitation gives the runs page a run and the outbox an email, whatever ran before.
  await inviteAndReadLink(page, uniqueEmail("i18n"));
  await visit(page, "/team");

  // Campaigns: money and days in German.
  await visit(page, "/campaigns");
  const launch = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Acme Cloud 3.0 launch" }) });
  await expect(launch).toContainText(formatMoney(viewer, "45000", "USD"));
  await expect(launch).toContainText(/\d{1,2}\. \S+ (\d{4} )?– \d{1,2}\. \S+ \d{4}/);

  // A campaign, with its milestones' days and its activity's times.
  await launch.getByRole("link", { name: "Acme Cloud 3.0 launch" }).click();
  await expect(page.getByRole("heading", { name: "Acme Cloud 3.0 launch", level: 1 })).toBeVisible();
  const campaignPath = new URL(page.url()).pathname;
  const campaignStamps = await visit(page, campaignPath);
  expect(campaignStamps.length, "the campaign page dates its milestones and activity").toBeGreaterThan(0);

  // A content item: its schedule, a known time (09:00 in New York is 06:00 in Los Angeles), and its versions.
  await visit(page, `${campaignPath}/content`);
  await page.getByRole("link", { name: "Introducing Acme Cloud 3.0" }).click();
  await expect(page.getByRole("heading", { name: "Introducing Acme Cloud 3.0" })).toBeVisible();
  const itemStamps = await visit(page, new URL(page.url()).pathname);
  const scheduled = itemStamps.find((stamp) => stamp.value.length > 10 && formatDateTime(viewer, new Date(stamp.value)).endsWith(", 06:00"));
  expect(scheduled, "the post planned for 09:00 in New York reads 06:00 in Los Angeles").toBeTruthy();
  expect(scheduled!.text).toBe(formatDateTime(viewer, new Date(scheduled!.value)));
  expect(scheduled!.text).not.toBe(formatDateTime({ ...viewer, timeZone: "UTC" }, new Date(scheduled!.value)));
  await expect(page.getByRole("list", { name: "Version history" }).locator("time").first()).toBeVisible();

  // The calendar draws in German with a 24-hour clock.
  await visit(page, "/calendar");
  const month = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: viewer.timeZone }).format(new Date());
  await expect(page.getByRole("heading", { name: month, level: 2 })).toBeVisible();
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Week" }).click();
  await expect(page.getByText("13:00", { exact: true }).first()).toBeVisible();

  // Runs and a run's steps.
  const runStamps = await visit(page, "/runs");
  expect(runStamps.length, "the runs page dates its runs").toBeGreaterThan(0);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await visit(page, new URL(page.url()).pathname)).length, "a run's page dates its steps").toBeGreaterThan(0);

  // The outbox.
  expect((await visit(page, "/outbox")).length, "the outbox dates its emails").toBeGreaterThan(0);

  expect(problems).toEqual([]);
});
