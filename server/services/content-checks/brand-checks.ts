// Brand rules from the workspace's settings: banned words and phrases (whole
// words, any case, any spacing between their words) with what to say instead,
// and the disclaimer a channel's items must carry.
import type { Channel } from "@/db/schema/enum-values";
import type { BrandRules } from "@/db/schema/workspaces";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import { type ContentFinding, fieldName, findingAt, textFields } from "./content-finding";

const LETTER_OR_DIGIT = String.raw`[\p{L}\p{N}\p{M}_]`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches `phrase` as whole words, ignoring case; spaces in it match any run of spaces or line breaks. */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escape).join(String.raw`\s+`);
  return new RegExp(`(?<!${LETTER_OR_DIGIT})${words}(?!${LETTER_OR_DIGIT})`, "giu");
}

export function checkBannedPhrases(draft: { title: string; body: string }, rules: BrandRules): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const { phrase, replacement } of rules.bannedPhrases) {
    if (!phrase.trim()) continue;
    const pattern = phrasePattern(phrase);
    for (const { field, text } of textFields(draft)) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        const finding = findingAt({ check: "brand", severity: "error", field, message: "" }, text, start, end);
        const instead = replacement.trim() ? `: use “${replacement.trim()}” instead` : ": rephrase it";
        finding.message = `Banned phrase “${phrase.trim()}” in the ${fieldName(field)} (${finding.excerpt})${instead}.`;
        if (replacement.trim()) finding.suggestion = replacement.trim();
        findings.push(finding);
      }
    }
  }
  return findings;
}

const comparable = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** The channel's disclaimer must be in the body word for word (spacing and case aside). */
export function checkDisclaimer(channel: Channel, draft: { body: string }, rules: BrandRules): ContentFinding[] {
  const disclaimer = rules.disclaimers[channel]?.trim();
  if (!disclaimer || comparable(draft.body).includes(comparable(disclaimer))) return [];
  return [
    {
      check: "disclaimer",
      severity: "error",
      field: "body",
      message: `The ${channelLabels[channel]} disclaimer is missing from the body: add “${disclaimer}”.`,
      suggestion: disclaimer,
    },
  ];
}
