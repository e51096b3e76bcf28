// What a content check found, and where. Offsets are JavaScript string indices
// (UTF-16 code units) into the field, so `field.slice(start, end)` is the passage:
// the same offsets a reviewer's comment anchors use.
import type { ContentField } from "@/server/services/content/channel-rules";

export const contentCheckKinds = ["brand", "disclaimer", "links", "accessibility", "readability", "channel"] as const;
export type ContentCheckKind = (typeof contentCheckKinds)[number];

export type ContentFindingSeverity = "error" | "warning" | "info";

export interface ContentFinding {
  check: ContentCheckKind;
  /** Errors block a request where the policy requires the checks; warnings and info are advice. */
  severity: ContentFindingSeverity;
  message: string;
  field: ContentField;
  start?: number;
  end?: number;
  /** The passage with a few words around it ("…results guaranteed by…"). */
  excerpt?: string;
  /** What to write instead, where there is one. */
  suggestion?: string;
}

const fieldNames: Record<ContentField, string> = { title: "title", body: "body", media: "images" };
export const fieldName = (field: ContentField) => fieldNames[field];

/** The passage `start`..`end` of `text` with up to `context` characters either side, cut at a space, with ellipses where cut. */
export function excerptAround(text: string, start: number, end: number, context = 24): string {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space !== -1) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = tail.search(/\s\S*$/);
    if (space !== -1) to = end + space;
  }
  const passage = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${passage}${to < text.length ? "…" : ""}`;
}

/** A finding at a passage of a field, with its excerpt. */
export function findingAt(
  finding: Omit<ContentFinding, "start" | "end" | "excerpt">,
  text: string,
  start: number,
  end: number,
): ContentFinding {
  return { ...finding, start, end, excerpt: excerptAround(text, start, end) };
}

/** The title and body, the fields with text in them. */
export const textFields = (draft: { title: string; body: string }) =>
  [
    { field: "title" as const, text: draft.title },
    { field: "body" as const, text: draft.body },
  ];
