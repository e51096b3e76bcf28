"use server";

import { createTRPCContext } from "@/server/api/context";
import { rememberTimeZone } from "@/server/services/preferences/display-preferences";

/** Keeps the browser's zone as the signed-in person's own when they have none yet (emails use it). */
export async function rememberTimeZoneAction(timeZone: string): Promise<void> {
  const { db, session } = await createTRPCContext();
  if (!session || typeof timeZone !== "string" || timeZone.length > 64) return;
  await rememberTimeZone(db, { userId: session.user.id, timeZone });
}
