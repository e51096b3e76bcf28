import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { listMyWorkspaces } from "@/server/services/workspaces/list-my-workspaces";
import { workspaces } from "./schema";
import { DEMO_WORKSPACE, seedDemo } from "./seed";
import { test } from "./test-db";
import { snapshotDatabase } from "./test-snapshot";

// Written out rather than imported: it is what the README and the demo tell people to type.
const DEMO_PASSWORD = "crescendo-demo";

describe("seedDemo", () => {
  test("creates Acme Marketing with demo people who can sign in with the demo password", async ({ db }) => {
    expect(await seedDemo(db)).toEqual({ seeded: true });

    const [acme] = await db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE));
    expect(acme).toBeDefined();
    for (const [email, role] of [
      ["admin@demo.test", "admin"],
      ["manager@demo.test", "manager"],
      ["marketer@demo.test", "marketer"],
    ] as const) {
      const user = await verifyCredentials(db, { email, password: DEMO_PASSWORD });
      expect(user, `${email} signs in with ${DEMO_PASSWORD}`).not.toBeNull();
      expect(await listMyWorkspaces(db, { userId: user!.id })).toContainEqual({ id: acme!.id, name: "Acme Marketing", role });
    }
  });

  test("running it twice changes nothing", async ({ db }) => {
    await seedDemo(db);
    const once = await snapshotDatabase(db);

    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await snapshotDatabase(db)).toEqual(once);
  });
});
