// The demo workspace "Acme Marketing". Safe to run twice: it does nothing when
// the demo admin already exists.
import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { addMember, createUser, createWorkspace } from "./factories";
import { users } from "./schema";
import { seedDemoApprovals } from "./seed-approvals";
import { seedDemoCampaigns } from "./seed-campaigns";
import { seedDemoDigests } from "./seed-digests";
import { seedDemoTasks } from "./seed-tasks";
import type { MemberRole } from "./schema/workspaces";

export const DEMO_PASSWORD = "crescendo-demo";
export const DEMO_WORKSPACE = "Acme Marketing";

const people: { email: string; name: string; role: MemberRole }[] = [
  { email: "admin@demo.test", name: "Alex Morgan", role: "admin" },
  { email: "manager@demo.test", name: "Maya Patel", role: "manager" },
  { email: "marketer@demo.test", name: "Sam Rivera", role: "marketer" },
  { email: "viewer@demo.test", name: "Jordan Lee", role: "viewer" },
  { email: "priya@demo.test", name: "Priya Shah", role: "marketer" },
  { email: "tom@demo.test", name: "Tom Becker", role: "marketer" },
  { email: "lena@demo.test", name: "Lena Fischer", role: "manager" },
  { email: "chris@demo.test", name: "Chris Okafor", role: "marketer" },
];

export async function seedDemo(db: Database): Promise<{ seeded: boolean }> {
  const existing = await db.query.users.findFirst({ where: eq(users.email, "admin@demo.test"), columns: { id: true } });
  if (existing) return { seeded: false };

  const { admins, acme, acmePeople } = await db.transaction(async (tx) => {
    const acme = await createWorkspace(tx, { name: DEMO_WORKSPACE });
    const joined: { userId: string; role: MemberRole }[] = [];
    const acmePeople = new Map<string, { id: string; role: MemberRole }>();
    for (const person of people) {
      const user = await createUser(tx, { email: person.email, name: person.name, password: DEMO_PASSWORD });
      await addMember(tx, { workspaceId: acme.id, userId: user.id, role: person.role });
      acmePeople.set(person.email, { id: user.id, role: person.role });
      if (person.role === "admin" || person.email === "manager@demo.test") joined.push({ userId: user.id, role: person.role });
    }
    return { admins: joined, acme, acmePeople };
  });
  await db.transaction(async (tx) => {
    await seedDemoCampaigns(tx, { workspaceId: acme.id, people: acmePeople });
    await seedDemoTasks(tx, { workspaceId: acme.id, people: acmePeople });
    await seedDemoApprovals(tx, { workspaceId: acme.id, people: acmePeople });
  });
  await seedDemoDigests(db, { workspaceId: acme.id });
  // A second workspace, joined later (so Acme Marketing stays everyone's first), to show switching.
  await db.transaction(async (tx) => {
    const events = await createWorkspace(tx, { name: "Acme Events" });
    for (const member of admins) await addMember(tx, { workspaceId: events.id, ...member });
  });
  return { seeded: true };
}
