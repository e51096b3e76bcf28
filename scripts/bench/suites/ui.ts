// The calendar page in Chromium, signed in, in the month holding about 2,000
// content items (full scale). Interactive means, concretely: from the start of
// the navigation to /calendar until the month grid shows its events (the range
// has loaded: the grid is no longer busy and events are drawn) AND a click on
// "Next month" has been answered (the title shows the next month). Median of 5
// page loads after one warm-up load. Target: under 1 s.
// Machines differ (the same suite has measured 1.3 s and 2.9 s on two machines of
// one kind), so the home page, a light page, is measured in the same run: from
// the navigation until its heading shows and the page has loaded. The ratio of
// the two says how much heavier the calendar is, whatever the machine.
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions as launchOptions } from "@/e2e/chromium";
import { percentile } from "@/inngest/executor/testing/bench-measure";
import { ms } from "../measure";
import { type Suite, verdict } from "../suite";

const TARGET_MS = 1000;
const LOADS = 5;

function monthTitle(date: Date): string {
  return date.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** Where a page load's time went, from the browser's own navigation entry: first byte, parsed, loaded. */
async function navigationTiming(page: Page): Promise<string> {
  const timing = await page.evaluate(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { firstByte: entry.responseStart, lastByte: entry.responseEnd, parsed: entry.domContentLoadedEventEnd, loaded: entry.loadEventEnd, bytes: entry.transferSize };
  });
  return `first byte ${ms(timing.firstByte)}, last byte ${ms(timing.lastByte)}, DOM parsed ${ms(timing.parsed)}, loaded ${ms(timing.loaded)}, HTML ${(timing.bytes / 1024).toFixed(0)} kB`;
}

export const uiSuite: Suite = {
  name: "ui",
  needs: { database: true, app: true },
  async run(context) {
    const { baseUrl, cookie } = context.app;
    const now = new Date();
    const thisMonth = monthTitle(now);
    const nextMonth = monthTitle(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
    const browser = await chromium.launch(launchOptions);
    try {
      // The bench workspace plans in UTC; a viewer there sees the seeded month as it is.
      const browserContext = await browser.newContext({ baseURL: baseUrl, timezoneId: "UTC", locale: "en-US", viewport: { width: 1440, height: 900 } });
      await browserContext.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
        }),
      );
      const home: number[] = [];
      for (let load = 0; load <= LOADS; load++) {
        const page = await browserContext.newPage();
        const started = performance.now();
        await page.goto("/", { waitUntil: "load" });
        await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
        if (load > 0) home.push(performance.now() - started);
        if (load === LOADS) console.log(`/ (home), last load: ${await navigationTiming(page)}`);
        await page.close();
      }

      const shown: number[] = [];
      const interactive: number[] = [];
      let eventsDrawn = 0;
      for (let load = 0; load <= LOADS; load++) {
        const page = await browserContext.newPage();
        const started = performance.now();
        let eventsShown: number;
        let answered: number;
        try {
          await page.goto("/calendar", { waitUntil: "commit" });
          await page.getByRole("heading", { name: thisMonth }).waitFor();
          const events = page.locator('.crescendo-calendar[aria-busy="false"] .fc-event');
          await events.first().waitFor();
          eventsShown = performance.now();
          eventsDrawn = await events.count();
          await page.getByRole("button", { name: "Next month" }).click();
          await page.getByRole("heading", { name: nextMonth }).waitFor();
          answered = performance.now();
          if (load === LOADS) console.log(`/calendar, last load: ${await navigationTiming(page)}`);
        } catch (error) {
          const text = await page.locator("body").innerText().catch(() => "");
          throw new Error(`${(error as Error).message.split("\n")[0]} on ${page.url()}, which shows: ${text.replace(/\s+/g, " ").slice(0, 300)}`, { cause: error });
        }
        // The first load warms the server's and the browser's caches; it is not counted.
        if (load > 0) {
          shown.push(eventsShown - started);
          interactive.push(answered - started);
        }
        await page.close();
      }
      const median = percentile(interactive, 50);
      const homeMedian = percentile(home, 50);
      const spread = (values: number[]) => `min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}`;
      console.log(`/ (home): loaded median ${ms(homeMedian)} (${spread(home)})`);
      console.log(`/calendar, ${thisMonth}: ${eventsDrawn} events drawn in the month grid`);
      console.log(`  events shown: median ${ms(percentile(shown, 50))}; interactive (next month answered): median ${ms(median)} (${spread(interactive)})`);
      console.log(`  /calendar interactive / home loaded: ${(median / homeMedian).toFixed(1)}x`);
      return [
        { suite: "ui", measure: "/ (home): loaded", result: `median ${ms(homeMedian)} of ${LOADS} (${spread(home)})`, target: "", verdict: "" },
        { suite: "ui", measure: "/calendar month: events shown", result: `median ${ms(percentile(shown, 50))} of ${LOADS}`, target: "", verdict: "" },
        {
          suite: "ui",
          measure: "/calendar month: interactive",
          result: `median ${ms(median)} of ${LOADS} (${spread(interactive)})`,
          target: `< ${TARGET_MS} ms`,
          verdict: verdict(median < TARGET_MS),
        },
        { suite: "ui", measure: "/calendar interactive / home loaded", result: `${(median / homeMedian).toFixed(1)}x`, target: "", verdict: "" },
      ];
    } finally {
      await browser.close();
    }
  },
};
