import { test } from "@playwright/test";
import { ADMIN_STATE, expectAccessible, signIn } from "../helpers";
import { expectToast } from "../toast";
import { column, createTask, dragCard, expectIn, uniqueTag } from "./board-helpers";

test.use({ storageState: ADMIN_STATE });

test("a card moved by one person shows up moved on a teammate's open board, without a reload", async ({ page, browser }) => {
  const tag = uniqueTag();
  const title = `Record the webinar intro ${tag}`;
  await page.goto("/tasks");
  await createTask(page, { title });

  // A teammate, signed in in a browser of their own, has the board open.
  const teammate = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await teammate.newPage();
  await signIn(other, "manager@demo.test");
  await other.goto(`/tasks?q=${tag}`);
  await expectIn(other, "To do", title);

  await page.goto(`/tasks?q=${tag}`);
  await dragCard(page, title, column(page, "In progress"));
  await expectToast(page, `“${title}” moved to In progress.`);

  await expectIn(other, "In progress", title);
  await expectAccessible(other);

  // And one made by the teammate appears on the first board.
  const second = `Cut the teaser ${tag}`;
  await createTask(other, { title: second });
  await expectIn(page, "To do", second);
  await teammate.close();
});
