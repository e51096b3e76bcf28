// Measures one drag on a board column of 500 cards in a running production
// server (say `bash scripts/e2e-server.sh` on a throwaway DATA_DIR): makes the
// 500 tasks over tRPC as the demo admin, shows the whole column, then drags the
// last card to the top with the mouse and reports the frames the browser drew
// meanwhile and how long the drop took to show. Usage:
//   BASE_URL=http://127.0.0.1:PORT npx tsx scripts/measure-board-drag.ts
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { transformer } from "../server/api/transformer";

const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const CARDS = Number(process.env.CARDS ?? 500);
// How many of them the column shows when the drag starts (the board shows 50, "Show more" 50 more each).
const SHOWN = Number(process.env.SHOWN ?? CARDS);
// TAG reuses the cards of an earlier run.
const tag = process.env.TAG ?? `bulk-${Date.now().toString(36)}`;

async function main() {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 900 } });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("crescendo-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();

  for (let i = 0; !process.env.TAG && i < CARDS; i++) {
    const response = await page.request.post("/api/trpc/task.create", { data: transformer.input.serialize({ title: `Card ${i + 1} ${tag}` }) });
    if (!response.ok()) throw new Error(`task.create: ${response.status()}`);
  }

  await page.goto(`/tasks?q=${tag}`);
  const todo = page.getByRole("region", { name: /^To do \d/ });
  while ((await todo.getByRole("article").count()) < SHOWN) {
    const more = todo.getByRole("button", { name: /^Show more/ });
    if (!(await more.count())) break;
    await more.click();
    await todo.getByRole("button", { name: "Loading…" }).waitFor({ state: "detached" });
    if ((await todo.getByRole("article").count()) >= SHOWN) break;
  }
  // A long column draws only the cards in view: count what it holds from its list's length, and scroll to its end.
  const allLoaded = (await todo.getByRole("button", { name: /^Show more/ }).count()) === 0;
  const shown = allLoaded ? Number((await todo.getByRole("heading", { level: 2 }).innerText()).match(/\d+/)?.[0]) : await todo.getByRole("article").count();
  await todo.locator(".overflow-y-auto").evaluate("(el) => { el.scrollTop = el.scrollHeight; }");
  await page.waitForTimeout(300);

  // The lowest card shown (cards are created on top of each other, so the first made sits at the bottom).
  const last = (await todo.getByRole("article").last().getAttribute("aria-label"))!;
  const handle = page.getByRole("button", { name: `Drag “${last}”` });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const target = (await page.getByRole("region", { name: /^In progress \d/ }).boundingBox())!;

  // Every frame the page draws during the drag, and the longest tasks.
  // (Strings, not functions: tsx would wrap named functions in a helper the page doesn't have.)
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.long_ = [];
    const tick = (t) => { window.frames_.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.long_.push(entry.duration))).observe({ type: "longtask" });
  })()`);
  const started = Date.now();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const steps = 40;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((target.x + 100 - from.x) * i) / steps, from.y + ((target.y + 60 - from.y) * i) / steps);
  }
  const dropAt = Date.now();
  await page.mouse.up();
  await page.getByRole("region", { name: /^In progress \d/ }).getByRole("article", { name: last, exact: true }).waitFor();
  const shownAfterDrop = Date.now() - dropAt;
  const dragMs = dropAt - started;
  const { frames, long } = await page.evaluate<{ frames: number[]; long: number[] }>(`({ frames: window.frames_, long: window.long_ })`);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  gaps.sort((a, b) => a - b);
  const p = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]?.toFixed(1);
  console.log(
    JSON.stringify(
      {
        cardsInColumn: shown,
        pointerMoves: steps,
        dragMs,
        frames: frames.length,
        frameGapMs: { p50: p(0.5), p95: p(0.95), max: p(1) },
        longTasksMs: long.map((d) => Math.round(d)),
        dropShownAfterMs: shownAfterDrop,
      },
      null,
      2,
    ),
  );
  await browser.close();
}

void main();
