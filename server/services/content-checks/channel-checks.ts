// The channel's limits, as the content form and the server's save already apply
// them (server/services/content/channel-rules.ts), reported as findings. A missing
// image description is left to the accessibility check, which says the same.
import type { Channel } from "@/db/schema/enum-values";
import { type ContentDraft, checkContent } from "@/server/services/content/channel-rules";
import type { ContentFinding } from "./content-finding";

export function checkChannelLimits(channel: Channel, draft: ContentDraft): ContentFinding[] {
  const { errors, warnings } = checkContent(channel, draft);
  return [...errors, ...warnings]
    .filter((problem) => !problem.altText)
    .map((problem) => ({ check: "channel", severity: problem.severity, field: problem.field, message: problem.message }));
}
