// Everything checked about a draft before a reviewer looks: brand rules, the
// channel's disclaimer, links and unfinished text, image descriptions,
// readability and the channel's limits. Pure, so the browser runs it as people
// type and the server runs it when approval is requested.
import type { Channel } from "@/db/schema/enum-values";
import type { BrandRules } from "@/db/schema/workspaces";
import { checkAltText } from "./accessibility-checks";
import { checkBannedPhrases, checkDisclaimer } from "./brand-checks";
import { checkChannelLimits } from "./channel-checks";
import type { ContentFinding } from "./content-finding";
import { checkLinks } from "./link-checks";
import { checkReadability } from "./readability";

export type { ContentCheckKind, ContentFinding, ContentFindingSeverity } from "./content-finding";
export { contentCheckKinds } from "./content-finding";

export interface ContentCheckDraft {
  channel: Channel;
  title: string;
  body: string;
  media: { url: string; alt: string }[];
}

/** The findings, errors first, then warnings, then information; in the order of the checks within each. */
export function runContentChecks(draft: ContentCheckDraft, rules: BrandRules): ContentFinding[] {
  const findings = [
    ...checkBannedPhrases(draft, rules),
    ...checkDisclaimer(draft.channel, draft, rules),
    ...checkLinks(draft),
    ...checkAltText(draft.media),
    ...checkReadability(draft.body),
    ...checkChannelLimits(draft.channel, draft),
  ];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.map((finding, order) => ({ finding, order })).sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.order - b.order).map(({ finding }) => finding);
}

/** True when any finding is an error: a policy that requires the checks refuses the request. */
export const hasBlockingFindings = (findings: readonly ContentFinding[]) => findings.some((finding) => finding.severity === "error");
