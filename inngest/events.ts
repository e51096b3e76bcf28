// The app's events, with the schema each one's data must match. Services write
// them into the outbox inside their transaction (inngest/outbox); functions use
// them as typed triggers.
import { eventType } from "inngest";
import { z } from "zod";

export const workspaceCreated = eventType("workspace/created", {
  schema: z.object({ workspaceId: z.uuid(), actorId: z.uuid() }),
});

export const memberInvited = eventType("member/invited", {
  schema: z.object({ workspaceId: z.uuid(), invitationId: z.uuid() }),
});

export type AppEvent = ReturnType<typeof workspaceCreated.create> | ReturnType<typeof memberInvited.create>;
