// Builders for users, workspaces and members, shared by the demo seed, the
// integration tests and the e2e journeys. Emails are unique per call.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import type { Database } from "./client";
import { memberships, users, workspaces } from "./schema";
import type { MemberRole } from "./schema/workspaces";

export const DEFAULT_PASSWORD = "correct horse battery";

// Argon2 is slow on purpose; reuse one hash per distinct password.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string } = {},
) {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const email = (overrides.email ?? uniqueEmail()).toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? email.split("@")[0]!, passwordHash: await cachedHash(password) })
    .returning();
  return { ...user!, password };
}

export async function createWorkspace(db: Database, overrides: { name?: string } = {}) {
  const [workspace] = await db
    .insert(workspaces)
    .values({ name: overrides.name ?? `Workspace ${randomUUID().slice(0, 6)}` })
    .returning();
  return workspace!;
}

export async function addMember(db: Database, input: { workspaceId: string; userId: string; role: MemberRole }) {
  await db.insert(memberships).values(input);
}

/** A workspace with one member per role, the usual cast of a test. */
export async function createTeam(db: Database, overrides: { name?: string } = {}) {
  const workspace = await createWorkspace(db, overrides);
  const cast = {} as Record<MemberRole, Awaited<ReturnType<typeof createUser>>>;
  for (const role of ["admin", "manager", "marketer", "viewer"] as const) {
    cast[role] = await createUser(db, { email: uniqueEmail(role), name: `${role[0]!.toUpperCase()}${role.slice(1)} ${workspace.name}` });
    await addMember(db, { workspaceId: workspace.id, userId: cast[role].id, role });
  }
  return { workspace, ...cast };
}
