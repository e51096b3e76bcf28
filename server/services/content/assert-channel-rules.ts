import type { Channel } from "@/db/schema/campaigns";
import { AppError } from "@/server/errors";
import { type ContentDraft, checkContent, problemsByField } from "./channel-rules";

/** Refuses a draft that breaks a channel limit, with every problem next to its field; warnings don't stop a save. */
export function assertChannelRules(channel: Channel, draft: ContentDraft): void {
  const { errors } = checkContent(channel, draft);
  if (errors.length > 0) throw new AppError("BAD_REQUEST", errors[0]!.message, { fieldErrors: problemsByField(errors) });
}
