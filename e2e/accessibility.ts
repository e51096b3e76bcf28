// axe-core in the page, the cheap way. @axe-core/playwright re-sends axe's 550 KB
// source on every check and opens a page of its own to finish each run; on a
// two-core machine that was 2–9 s a check. Here the source goes in once per
// document and axe reports violations only (no list of what passed): the same
// rules on the same page, in a fraction of the time.
import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

type Finding = { id: string; impact: string | null | undefined; help: string; targets: string[] };

async function violationsOn(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    // Colours caught halfway through a transition (a button turning back from disabled) are not what a person reads:
    // let finite transitions and animations end first; spinners go on forever and are not waited for.
    const finite = () => document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    const settle = async () => {
      await Promise.race([Promise.allSettled(finite().map((animation) => animation.finished)), new Promise((done) => setTimeout(done, 2_000))]);
    };
    // A transition can also begin while axe is reading the page (a request settles and re-enables its button).
    // axe's own style reads can be what starts it, and its events come a frame later: so after a run, look for
    // running transitions and wait a frame for late events. A run the page moved under is read again once it
    // has settled, up to three times.
    const nextFrame = () => Promise.race([new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))), new Promise((done) => setTimeout(done, 100))]);
    let moves = 0;
    const onMove = () => moves++;
    for (const type of ["transitionrun", "animationstart"]) document.addEventListener(type, onMove, true);
    try {
      await settle();
      // Next streams a page's <title> with its metadata, a moment after the content it follows: wait for it
      // (up to 2 s), so a page caught in that moment is not reported untitled; a page with none still is.
      for (let waited = 0; !document.title && waited < 2_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      for (let attempt = 1; ; attempt++) {
        const movesBefore = moves;
        const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
        const running = finite().some((animation) => animation.playState === "running");
        await nextFrame();
        if ((!running && moves === movesBefore) || attempt === 3) {
          return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
        }
        await settle();
      }
    } finally {
      for (const type of ["transitionrun", "animationstart"]) document.removeEventListener(type, onMove, true);
    }
  });
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * violation, listing each rule with the elements it flagged. Call it on every
 * page a journey visits, once the page shows what the journey came to check
 * (so a loading skeleton is not what gets audited).
 */
export async function expectAccessible(page: Page) {
  const blocking = (await violationsOn(page))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.slice(0, 8).join("\n  ")}`);
  expect(blocking, `serious or critical accessibility violations on ${new URL(page.url()).pathname}`).toEqual([]);
}
