import { expect, type Locator, type Page } from "@playwright/test";

/** "2026-12-14T23:59" as the wall clock of `timeZone`, `days` from now at `time` ("HH:mm"). */
export function localDateTime(timeZone: string, days: number, time: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
  return `${parts}T${time}`;
}

/** The zone a task form says its due time is in ("Your time (Europe/Berlin)"). */
export async function shownTimeZone(dialog: Locator): Promise<string> {
  const hint = await dialog.getByText(/^Your time \(/).innerText();
  return hint.slice("Your time (".length, -1);
}

/** Opens "New task", fills the title and due time (`days` from today at `time`, in the viewer's zone), creates it and waits for the toast. */
export async function createTaskThroughDialog(page: Page, fields: { title: string; days?: number; time?: string; fill?: (dialog: Locator) => Promise<void> }) {
  await page.getByRole("button", { name: "New task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await expect(dialog.getByLabel("Title")).toBeVisible();
  await dialog.getByLabel("Title").fill(fields.title);
  if (fields.days !== undefined) {
    await dialog.getByLabel("Due").fill(localDateTime(await shownTimeZone(dialog), fields.days, fields.time ?? "23:59"));
  }
  await fields.fill?.(dialog);
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();
}
