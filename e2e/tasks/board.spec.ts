import { expect, test } from "@playwright/test";
import { ADMIN_STATE, chooseUntilAnswered, expectAccessible, LONG_JOURNEY_TIMEOUT } from "../helpers";
import { expectToast } from "../toast";
import { card, column, createTask, dragCard, expectIn, uniqueTag } from "./board-helpers";
import { createTaskThroughDialog } from "./task-form";

test.use({ storageState: ADMIN_STATE });

test("a task waits on its dependency, then moves by drag and stays moved after a reload", async ({ page }) => {
  test.setTimeout(LONG_JOURNEY_TIMEOUT);
  const tag = uniqueTag();
  const brief = `Write the brief ${tag}`;
  const draft = `Draft the launch post ${tag}`;
  // Only this journey's tasks, so parallel journeys and the demo data don't get in the way.
  await page.goto(`/tasks?q=${tag}`);
  await expect(page.getByText("No tasks match these filters")).toBeVisible();
  await createTaskThroughDialog(page, { title: brief });
  await expectToast(page, `Created “${brief}”.`);
  await createTaskThroughDialog(page, {
    title: draft,
    fill: async (dialog) => {
      await dialog.getByLabel("Depends on").fill(tag);
      await dialog.getByRole("button", { name: `Add “${brief}”` }).click();
    },
  });
  await expectIn(page, "To do", brief);
  await expectIn(page, "To do", draft);
  await expect(card(page, draft).getByText(`Blocked by “${brief}”`)).toBeVisible();
  await expectAccessible(page);

  // Starting the second while the first is open is refused, naming the first; the card goes back.
  await dragCard(page, draft, column(page, "In progress"));
  await expectToast(page, `“${draft}” can't start yet: it waits on “${brief}”, which is not done.`);
  await expectIn(page, "To do", draft);

  // Finish the first (from its menu, no dragging), then the second can start.
  await card(page, brief).getByLabel(`Move “${brief}” to`).selectOption("Done");
  await expectToast(page, `“${brief}” moved to Done.`);
  await expectIn(page, "Done", brief);
  await expect(card(page, draft).getByText(/Blocked by/)).toHaveCount(0);

  await dragCard(page, draft, column(page, "In progress"));
  await expectToast(page, `“${draft}” moved to In progress.`);
  await expectIn(page, "In progress", draft);

  await page.reload();
  await expectIn(page, "In progress", draft);
  await expectIn(page, "Done", brief);
});

test("a card moves with the keyboard alone", async ({ page }) => {
  const tag = uniqueTag();
  const title = `Schedule the newsletter ${tag}`;
  await page.goto("/tasks");
  await createTask(page, { title });
  await page.goto(`/tasks?q=${tag}`);
  await expectIn(page, "To do", title);

  // A screen reader hears what happens to the card, by its title and column. A key pressed before the
  // board's scripts run does nothing, so the card is picked up again until the board answers.
  const pickedUp = page.getByRole("status").filter({ hasText: `Picked up “${title}”, position 1 of 1 in To do.` });
  await expect(async () => {
    await page.getByRole("button", { name: `Drag “${title}”` }).focus();
    await page.keyboard.press("Space");
    await expect(pickedUp).toBeAttached({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  // dnd-kit starts listening for the arrow keys in a timeout after the pickup, and a key press can overtake a
  // timer: let a timeout queued now (so after dnd-kit's) run first, as it would long before a person's next key.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("status").filter({ hasText: `“${title}” is over In progress.` })).toBeAttached();
  await page.keyboard.press("Space");
  await expectToast(page, `“${title}” moved to In progress.`);
  await expectIn(page, "In progress", title);

  await page.reload();
  await expectIn(page, "In progress", title);
});

test("moving a card to Blocked asks what blocks it, and the card shows the reason", async ({ page }) => {
  test.setTimeout(LONG_JOURNEY_TIMEOUT);
  const tag = uniqueTag();
  const title = `Approve the ad copy ${tag}`;
  await page.goto("/tasks");
  await createTask(page, { title });
  await page.goto(`/tasks?q=${tag}`);
  const dialog = page.getByRole("dialog", { name: `What blocks “${title}”?` });
  await chooseUntilAnswered(card(page, title).getByLabel(`Move “${title}” to`), "Blocked", () => expect(dialog).toBeVisible({ timeout: 2_000 }));
  await dialog.getByRole("button", { name: "Move to Blocked" }).click();
  await expect(dialog.getByText("Say what blocks it")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Waiting on legal");
  await dialog.getByRole("button", { name: "Move to Blocked" }).click();
  await expectToast(page, `“${title}” moved to Blocked.`);
  await expect(card(column(page, "Blocked"), title).getByText("Waiting on legal")).toBeVisible();
});
