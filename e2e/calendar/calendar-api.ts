// What the calendar journeys share: tRPC calls over HTTP with the page's session
// (to set up and check data as the app's own client would), and day arithmetic.
import { expect, type Page } from "@playwright/test";
import { transformer } from "@/server/api/transformer";

/** A tRPC call over HTTP with the page's session, as the app's own client makes it (its transformer both ways). */
export async function trpc<T>(page: Page, path: string, input?: unknown, method: "query" | "mutation" = "mutation"): Promise<T> {
  const sent = transformer.input.serialize(input ?? null);
  const response =
    method === "mutation"
      ? await page.request.post(`/api/trpc/${path}`, { data: sent })
      : await page.request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(sent))}`}`);
  const body = await response.json();
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return transformer.output.deserialize(body.result.data) as T;
}

/** A plain date `days` after `day` (both YYYY-MM-DD). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
