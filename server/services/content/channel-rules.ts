// What each channel accepts, checked on the server before a save and in the
// browser as you type (so: no server imports here).
//
// Limits, as the platforms publish them:
//   X          280 characters, weighted as X counts them (twitter-text's parseTweet:
//              every link counts as 23, most CJK characters and emoji as 2);
//              at most 4 images; more than 2 hashtags is allowed but X advises against it (warning).
//   LinkedIn   3,000 characters; more than 5 hashtags reads as spam (warning).
//   Instagram  2,200 characters; at most 30 hashtags (Instagram drops the post); at least one image,
//              at most 10 (a carousel).
//   Facebook   63,206 characters.
//   Pinterest  500 characters of description; exactly one image; at most one link.
//   Email      a subject (the title) of at most 150 characters.
//   Blog       a title of at most 150 characters.
//   Ad         125 characters of primary text (the body) before it is cut off; at most one link.
// Every image needs a description (alt text) and an http(s) address, on every channel.
// Errors are limits: the server refuses the save. Warnings are advice: the form shows them.
// Lengths other than X's count characters as people see them (code points), not UTF-16 units.
import * as twitterTextModule from "twitter-text";
import type { Channel } from "@/db/schema/campaigns";

// twitter-text ships CommonJS and an ESM build that only has a default export; its types only name exports.
const twitterText = (twitterTextModule as unknown as { default?: typeof twitterTextModule }).default ?? twitterTextModule;

export type ContentField = "title" | "body" | "media";

export interface ContentProblem {
  field: ContentField;
  severity: "error" | "warning";
  message: string;
  /** Marks the missing-description problem, which the content checks report under accessibility. */
  altText?: true;
}

export interface ContentDraft {
  title: string;
  body: string;
  media: { url: string; alt: string }[];
}

export interface Measure {
  used: number;
  /** Null when the channel sets no limit on this field. */
  limit: number | null;
}

export interface ContentCheck {
  errors: ContentProblem[];
  warnings: ContentProblem[];
  /** For the live counts in the form ("212 / 280"). */
  title: Measure;
  body: Measure;
  hashtags: number;
  links: number;
}

interface ChannelRule {
  /** How the channel names the thing ("A post on X"). */
  noun: string;
  bodyLimit?: number;
  bodyWord?: string;
  titleLimit?: number;
  titleWord?: string;
  maxHashtags?: number;
  recommendedHashtags?: number;
  minImages?: number;
  maxImages?: number;
  maxLinks?: number;
}

export const channelRules: Record<Channel, ChannelRule> = {
  x: { noun: "A post on X", bodyLimit: 280, recommendedHashtags: 2, maxImages: 4 },
  linkedin: { noun: "A LinkedIn post", bodyLimit: 3000, recommendedHashtags: 5 },
  instagram: { noun: "An Instagram caption", bodyLimit: 2200, maxHashtags: 30, minImages: 1, maxImages: 10 },
  facebook: { noun: "A Facebook post", bodyLimit: 63_206 },
  pinterest: { noun: "A pin", bodyLimit: 500, bodyWord: "description", minImages: 1, maxImages: 1, maxLinks: 1 },
  email: { noun: "An email", titleLimit: 150, titleWord: "subject" },
  blog: { noun: "A blog post", titleLimit: 150 },
  ad: { noun: "An ad", bodyLimit: 125, bodyWord: "primary text", maxLinks: 1 },
};

const characters = (text: string) => Array.from(text).length;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** What is wrong with (errors) or could be better about (warnings) a draft for a channel. */
export function checkContent(channel: Channel, draft: ContentDraft): ContentCheck {
  const rule = channelRules[channel];
  const problems: ContentProblem[] = [];
  const error = (field: ContentField, message: string) => problems.push({ field, severity: "error", message });
  const warning = (field: ContentField, message: string) => problems.push({ field, severity: "warning", message });

  const bodyUsed = channel === "x" ? twitterText.parseTweet(draft.body).weightedLength : characters(draft.body);
  const titleUsed = characters(draft.title.trim());
  const hashtags = twitterText.extractHashtags(draft.body).length;
  const links = twitterText.extractUrls(draft.body).length;
  const images = draft.media.length;

  if (rule.titleLimit !== undefined && titleUsed > rule.titleLimit) {
    const word = rule.titleWord ?? "title";
    error("title", `${rule.noun} can have a ${word} of at most ${count(rule.titleLimit, "character")}; this one has ${titleUsed.toLocaleString("en-US")}.`);
  }
  if (rule.bodyLimit !== undefined && bodyUsed > rule.bodyLimit) {
    const what = rule.bodyWord ? `${count(rule.bodyLimit, "character")} of ${rule.bodyWord}` : count(rule.bodyLimit, "character");
    error("body", `${rule.noun} can have at most ${what}; this one has ${bodyUsed.toLocaleString("en-US")}.`);
  }
  if (rule.maxHashtags !== undefined && hashtags > rule.maxHashtags) {
    error("body", `${rule.noun} can have at most ${count(rule.maxHashtags, "hashtag")}; this one has ${hashtags}.`);
  } else if (rule.recommendedHashtags !== undefined && hashtags > rule.recommendedHashtags) {
    warning("body", `${rule.noun} does best with at most ${count(rule.recommendedHashtags, "hashtag")}; this one has ${hashtags}.`);
  }
  if (rule.maxLinks !== undefined && links > rule.maxLinks) {
    error("body", `${rule.noun} can have at most ${count(rule.maxLinks, "link")}; this one has ${links}.`);
  }
  if (rule.minImages !== undefined && rule.minImages === rule.maxImages && images !== rule.minImages) {
    error("media", `${rule.noun} needs exactly ${count(rule.minImages, "image")}; this one has ${images}.`);
  } else if (rule.minImages !== undefined && images < rule.minImages) {
    error("media", `${rule.noun} needs at least ${count(rule.minImages, "image")}. Add one.`);
  } else if (rule.maxImages !== undefined && images > rule.maxImages) {
    error("media", `${rule.noun} can have at most ${count(rule.maxImages, "image")}; this one has ${images}.`);
  }
  draft.media.forEach((image, index) => {
    if (!isWebAddress(image.url.trim())) error("media", `Give image ${index + 1} a web address starting with https:// or http://.`);
    if (!image.alt.trim()) problems.push({ field: "media", severity: "error", message: `Describe image ${index + 1} for people who can't see it.`, altText: true });
  });

  return {
    errors: problems.filter((problem) => problem.severity === "error"),
    warnings: problems.filter((problem) => problem.severity === "warning"),
    title: { used: titleUsed, limit: rule.titleLimit ?? null },
    body: { used: bodyUsed, limit: rule.bodyLimit ?? null },
    hashtags,
    links,
  };
}

/** Problems grouped by field, as forms and the server's field errors want them. */
export function problemsByField(problems: ContentProblem[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const problem of problems) (byField[problem.field] ??= []).push(problem.message);
  return byField;
}
