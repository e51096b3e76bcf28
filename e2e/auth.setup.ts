import { test as setup } from "@playwright/test";
import { ADMIN_STATE, signIn } from "./helpers";

// Sign in once as the demo admin; journeys that act as the admin reuse the session.
setup("sign in as the demo admin", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.context().storageState({ path: ADMIN_STATE });
});
