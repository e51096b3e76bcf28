// What the board journeys share: tasks made over tRPC with the page's session,
// and the board's columns and cards found as a person sees them.
import { expect, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { trpc } from "../calendar/calendar-api";

export const uniqueTag = () => randomUUID().slice(0, 8);

/** Creates a task (in To do unless said) and returns its id. */
export async function createTask(page: Page, input: { title: string; dependsOnIds?: string[]; status?: string }): Promise<string> {
  const { task } = await trpc<{ task: { id: string } }>(page, "task.create", input);
  return task.id;
}

/** A status column, by its heading ("To do", "In progress", ...). */
export function column(page: Page, name: string): Locator {
  return page.getByRole("region", { name: new RegExp(`^${name} \\d`) });
}

export function card(scope: Page | Locator, title: string): Locator {
  return scope.getByRole("article", { name: title, exact: true });
}

/** Drags a card by its handle onto a column with the mouse, in small steps as a hand would (dnd-kit starts a drag after 5 px). */
export async function dragCard(page: Page, title: string, to: Locator) {
  const handle = page.getByRole("button", { name: `Drag “${title}”` });
  const from = (await handle.boundingBox())!;
  const target = (await to.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 15 });
  await page.mouse.move(target.x + target.width / 2, target.y + 64, { steps: 2 });
  await page.mouse.up();
}

export async function expectIn(page: Page, columnName: string, title: string) {
  await expect(card(column(page, columnName), title)).toBeVisible();
}
