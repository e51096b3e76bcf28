// How a comment mentions a member: `@[member id]` in the stored body. Pure, so
// the service that checks mentions and the page that shows them as names read
// the same notation.

/** `@[member id]`: how a mention is written in a comment's body. */
export const MENTION = /@\[([0-9a-f-]{36})\]/gi;

/** The member ids a body mentions, each once, in order. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[1]!.toLowerCase()))];
}

/** A body cut into text and mentions, in order, for showing mentions as names. */
export function splitMentions(body: string): ({ text: string } | { memberId: string })[] {
  const parts: ({ text: string } | { memberId: string })[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ memberId: match[1]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** Writes `@[id]` for each chosen member whose "@Name" the text contains; longer names first, so "@Sam Rivera" is not read as "@Sam". */
export function encodeMentions(text: string, chosen: { id: string; name: string }[]): string {
  return [...chosen]
    .sort((a, b) => b.name.length - a.name.length)
    .reduce((body, member) => body.replaceAll(`@${member.name}`, `@[${member.id}]`), text);
}
