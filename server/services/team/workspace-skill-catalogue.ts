import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workspaces } from "@/db/schema";
import { fieldError } from "@/server/errors";

/** The workspace's skill catalogue, in its order. */
export async function skillCatalogue(db: Database, input: { workspaceId: string }): Promise<string[]> {
  const [row] = await db.select({ skills: workspaces.skills }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  return row?.skills ?? [];
}

/** Refuses (on `field`) any of `skills` the catalogue does not hold, naming them. */
export function assertKnownSkills(catalogue: string[], skills: string[], field = "skills"): void {
  const unknown = skills.filter((skill) => !catalogue.includes(skill));
  if (unknown.length === 0) return;
  const names = unknown.map((skill) => `“${skill}”`).join(", ");
  throw fieldError(
    field,
    unknown.length === 1
      ? `${names} is not one of this workspace's skills. Choose from the list, or ask a manager to add it.`
      : `${names} are not among this workspace's skills. Choose from the list, or ask a manager to add them.`,
  );
}
