import type { Database } from "@/db";
import { type AuditEntityType, auditLog } from "@/db/schema";

export interface AuditChange {
  workspaceId: string;
  actorId: string | null;
  entityType: AuditEntityType;
  entityId: string;
  campaignId?: string | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** When it happened, if the change has its own clock (a service given `now`); else the transaction's start. */
  at?: Date;
}

/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
export async function recordAudit(tx: Database, changes: AuditChange | AuditChange[]): Promise<void> {
  const rows = Array.isArray(changes) ? changes : [changes];
  if (rows.length === 0) return;
  await tx.insert(auditLog).values(rows.map(({ at, ...row }) => ({ ...row, before: row.before ?? null, after: row.after ?? null, ...(at ? { createdAt: at } : {}) })));
}

/** The fields that differ between two versions of a row, as {before, after} holding only those fields. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      was[key] = a ?? null;
      now[key] = b ?? null;
    }
  }
  return { before: was, after: now, changed: Object.keys(now).length > 0 };
}
