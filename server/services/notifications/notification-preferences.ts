import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, notificationPreferences } from "@/db/schema";
import { notificationKinds } from "@/db/schema/enum-values";
import { AppError } from "@/server/errors";
import { assertActorRole } from "@/server/services/members/assert-actor-role";
import { transactionWithRetry } from "@/server/services/shared/with-retry";
import { defaultChannels, type NotificationChannel, type NotificationKind } from "./notification-kinds";
import type { UpdateNotificationPreferencesInput } from "./notifications.schema";

type Scope = { workspaceId: string; actorId: string };

export interface NotificationPreferences {
  /** Every kind, in the list's order, with the member's choice or its default. */
  channels: { kind: NotificationKind; channel: NotificationChannel; isDefault: boolean }[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  digestHour: number;
  /** The daily "today's work" email, and (for campaign owners) the weekly summary. */
  dailyDigest: boolean;
  weeklyDigest: boolean;
  /** The zone quiet hours and the digest hour are read in. */
  timeZone: string | null;
}

/** What the member wants of notifications in this workspace. */
export async function getNotificationPreferences(db: Database, input: Scope): Promise<NotificationPreferences> {
  const [member] = await db
    .select({
      quietHoursStart: memberships.quietHoursStart,
      quietHoursEnd: memberships.quietHoursEnd,
      digestHour: memberships.digestHour,
      dailyDigest: memberships.dailyDigest,
      weeklyDigest: memberships.weeklyDigest,
      timeZone: memberships.timeZone,
    })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.actorId)));
  if (!member) throw new AppError("FORBIDDEN", "You are not a member of this workspace.");
  const chosen = await db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.workspaceId, input.workspaceId), eq(notificationPreferences.userId, input.actorId)));
  const byKind = new Map(chosen.map((row) => [row.kind, row.channel]));
  return {
    channels: notificationKinds.map((kind) => ({ kind, channel: byKind.get(kind) ?? defaultChannels[kind], isDefault: !byKind.has(kind) })),
    ...member,
  };
}

/**
 * Saves the form in one transaction: the kinds it names (the rest keep what
 * they had), quiet hours, the digests and their hour. The input schema has already
 * refused unknown kinds and channels, times that are not times, and an hour
 * outside 0-23, so bad input writes nothing.
 */
export async function updateNotificationPreferences(db: Database, input: Scope & UpdateNotificationPreferencesInput) {
  return transactionWithRetry(db, async (tx) => {
    await assertActorRole(tx, input, "viewer");
    await tx
      .update(memberships)
      .set({
        quietHoursStart: input.quietHoursStart,
        quietHoursEnd: input.quietHoursEnd,
        digestHour: input.digestHour,
        dailyDigest: input.dailyDigest,
        weeklyDigest: input.weeklyDigest,
      })
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.actorId)));
    if (input.channels.length > 0) {
      await tx
        .insert(notificationPreferences)
        .values(input.channels.map(({ kind, channel }) => ({ workspaceId: input.workspaceId, userId: input.actorId, kind, channel })))
        .onConflictDoUpdate({
          target: [notificationPreferences.workspaceId, notificationPreferences.userId, notificationPreferences.kind],
          set: { channel: sql`excluded.channel` },
        });
    }
    return getNotificationPreferences(tx, input);
  });
}
