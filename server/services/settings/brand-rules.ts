import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type BrandRules, workspaces } from "@/db/schema";
import { channels } from "@/db/schema/enum-values";
import { changedFields, recordAudit } from "@/server/services/audit/record-audit";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import type { UpdateBrandRulesInput } from "./settings.schema";

/** The workspace's brand rules: banned phrases with their replacements, and a disclaimer per channel. Everyone reads them. */
export async function getBrandRules(db: Database, input: { workspaceId: string }): Promise<BrandRules> {
  const [row] = await db.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  // The procedure ladder only lets members of an existing workspace this far.
  if (!row) throw new Error(`Workspace ${input.workspaceId} not found`);
  return row.brandRules;
}

/** As stored: phrases in the order given, channels without a disclaimer left out. */
function normalize(input: UpdateBrandRulesInput): BrandRules {
  const disclaimers: BrandRules["disclaimers"] = {};
  for (const channel of channels) {
    const text = input.disclaimers[channel]?.trim();
    if (text) disclaimers[channel] = text;
  }
  return { bannedPhrases: input.bannedPhrases.map(({ phrase, replacement }) => ({ phrase: phrase.replace(/\s+/g, " "), replacement })), disclaimers };
}

/** Replaces the brand rules; admins only, checked under lock. Requests already made keep the findings they were made with. */
export async function updateBrandRules(db: Database, input: UpdateBrandRulesInput & { workspaceId: string; actorId: string }): Promise<BrandRules> {
  const brandRules = normalize(input);
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "admin");
    const [current] = await tx.select({ brandRules: workspaces.brandRules }).from(workspaces).where(eq(workspaces.id, input.workspaceId)).for("no key update");
    const diff = changedFields({ brandRules: current!.brandRules }, { brandRules });
    if (!diff.changed) return brandRules;
    await tx.update(workspaces).set({ brandRules }).where(eq(workspaces.id, input.workspaceId));
    await recordAudit(tx, { workspaceId: input.workspaceId, actorId: input.actorId, entityType: "workspace_settings", entityId: input.workspaceId, action: "updated", before: diff.before, after: diff.after });
    return brandRules;
  });
}
