import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "../helpers";

// The demo manager's home counts what waits on her. The demo's Instagram post waits on her with a picture: the preview shows it as the post
// will, and the picture is served to anyone (an external reviewer is signed out).
test("the demo manager reads on her home what waits on her, opens the waiting Instagram post, and its preview shows the picture", async ({ page, request }) => {
  await signIn(page, "manager@demo.test");
  // Home says what waits on her, and how much of it is late; the link opens her queue.
  const approvals = page.getByRole("region", { name: "Approvals" });
  await expect(approvals.getByRole("listitem").first()).toHaveText(/^3 requests wait on you\s*1 overdue$/);
  await expectAccessible(page);
  await approvals.getByRole("link", { name: "3 requests wait on you" }).click();
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /Northwind in pictures/ }).click();

  const picture = page.getByRole("img", { name: "The Northwind operations team around a whiteboard" });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  // A lone picture on Instagram fills the post's width as a square, as the feed shows it.
  const preview = page.getByRole("figure", { name: "Instagram preview" });
  const [frame, shown] = await Promise.all([preview.boundingBox(), picture.boundingBox()]);
  expect(shown!.width).toBeGreaterThan(frame!.width * 0.8);
  expect(Math.abs(shown!.height - shown!.width)).toBeLessThan(2);
  await expectAccessible(page);

  const signedOut = await request.get(new URL((await picture.getAttribute("src"))!, page.url()).href, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(200);
  expect(signedOut.headers()["content-type"]).toContain("image/svg+xml");
});
