import { expect, test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible } from "../helpers";
import { createTask, uniqueTag } from "./board-helpers";

test.use({ storageState: ADMIN_STATE });

test("the list view sorts by title and keeps the filters in the address; nothing matching says so", async ({ page }) => {
  const tag = uniqueTag();
  await page.goto("/tasks");
  for (const title of [`Banner ${tag}`, `Alt text ${tag}`, `Copy ${tag}`]) await createTask(page, { title });

  await page.goto(`/tasks?q=${tag}`);
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  const rows = page.getByRole("table", { name: "Tasks" }).getByRole("rowheader");
  await expect(rows).toHaveCount(3);

  await page.getByRole("button", { name: "Task", exact: true }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(rows).toHaveText([`Alt text ${tag}`, `Banner ${tag}`, `Copy ${tag}`]);
  await page.getByRole("button", { name: "Task", exact: true }).click();
  await expect(rows).toHaveText([`Copy ${tag}`, `Banner ${tag}`, `Alt text ${tag}`]);
  await expectAccessible(page);

  await page.reload();
  await expect(rows).toHaveText([`Copy ${tag}`, `Banner ${tag}`, `Alt text ${tag}`]);

  await page.getByLabel("Search").fill(`nothing-${tag}`);
  await expect(page.getByText("No tasks match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).last().click();
  await expect(page).not.toHaveURL(/q=/);
});
