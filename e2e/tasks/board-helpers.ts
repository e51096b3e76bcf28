// What the board journeys share: tasks made over tRPC with the page's session,
// and the board's columns and cards found as a person sees them.
import { expect, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { trpc } from "../calendar/calendar-api";
import { drag } from "../drag";

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

/** Drags a card by its handle onto a column with the mouse. */
export async function dragCard(page: Page, title: string, to: Locator) {
  await drag(page, page.getByRole("button", { name: `Drag “${title}”` }), to);
}

export async function expectIn(page: Page, columnName: string, title: string) {
  await expect(card(column(page, columnName), title)).toBeVisible();
}
