// Another site (here: another port of the same host, where the browser still
// sends the app's cookies) cannot make changes: an HTML form aimed at a tRPC
// mutation or at a page's server action is refused with 403, and nothing changes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "../helpers";

let attacker: Server;
let attackerUrl: string;

/** A page on another origin that posts a form to `action`. */
function formPage(action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join("");
  return `<!doctype html><title>Win a prize</title><form method="post" enctype="multipart/form-data" action="${action}">${inputs}<button>Win a prize</button></form>`;
}

test.beforeAll(async () => {
  attacker = createServer((request, response) => {
    const target = new URL(request.url ?? "/", "http://attacker").searchParams;
    response.writeHead(200, { "content-type": "text/html" });
    response.end(formPage(target.get("action") ?? "", JSON.parse(target.get("fields") ?? "{}") as Record<string, string>));
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

const attackPage = (action: string, fields: Record<string, string> = {}) =>
  `${attackerUrl}?action=${encodeURIComponent(action)}&fields=${encodeURIComponent(JSON.stringify(fields))}`;

test("a form on another port cannot revoke a member's calendar feed", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "viewer@demo.test");
  await page.goto("/calendar");
  const subscribe = page.getByRole("region", { name: "Subscribe" });
  await subscribe.getByRole("button", { name: "Create calendar link" }).click();
  await expect(subscribe.getByLabel("Your calendar link")).toHaveValue(/\/api\/calendar\/[\w-]+\.ics$/);
  const feedUrl = await subscribe.getByLabel("Your calendar link").inputValue();
  expect((await page.request.get(feedUrl)).status()).toBe(200);

  await page.goto(attackPage(`${baseURL}/api/trpc/calendarFeed.revoke`, { anything: "1" }));
  const [answer] = await Promise.all([page.waitForResponse(`${baseURL}/api/trpc/calendarFeed.revoke`), page.getByRole("button", { name: "Win a prize" }).click()]);
  expect(answer.status()).toBe(403);
  expect((await page.request.get(feedUrl)).status()).toBe(200);
  await context.close();
});

test("a server action posted from another origin gets 403, not 500", async ({ page, request, baseURL }) => {
  await page.goto(attackPage(`${baseURL}/sign-in`, { $ACTION_ID_0000000000000000000000000000000000000000: "", email: "admin@demo.test" }));
  const [answer] = await Promise.all([page.waitForResponse(`${baseURL}/sign-in`), page.getByRole("button", { name: "Win a prize" }).click()]);
  expect(answer.status()).toBe(403);

  // The same through fetch, as Next's client sends actions.
  const fetched = await request.post("/sign-in", { headers: { "Next-Action": "0".repeat(40), Origin: attackerUrl.replace(/\/$/, "") }, data: "[]" });
  expect(fetched.status()).toBe(403);
  expect(await fetched.text()).toContain("Crescendo's own pages");
});

test("a JSON write from a foreign origin gets 403; from the app's own origin it reaches the procedure", async ({ request, baseURL }) => {
  const foreign = await request.post("/api/trpc/calendarFeed.revoke", { headers: { Origin: "https://evil.example", "Content-Type": "application/json" }, data: {} });
  expect(foreign.status()).toBe(403);
  const same = await request.post("/api/trpc/calendarFeed.revoke", { headers: { Origin: baseURL!, "Content-Type": "application/json" }, data: {} });
  // Signed out here: the request passed the checks and reached the procedure, which wants a session.
  expect(same.status()).toBe(401);
});
