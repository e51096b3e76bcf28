// Links and unfinished text. A link must be a well-formed http(s) address with a
// real-looking host; anything that is plainly a stand-in for something still to
// be filled in is an error, because it would go out as typed:
//   merge tags          {{first_name}}, *|FNAME|*, %FIRST_NAME% (single braces are left alone: code and set notation use them)
//   bracketed blanks    [LINK], [URL], [TBD], [Insert date], [your name], <insert link>
//   notes to self       TODO, TBD, FIXME, XXX (in capitals, as whole words), lorem ipsum
//   stand-in addresses  example.com/.org/.net, *.example, *.test, *.invalid, *.localhost, localhost
// A merge tag is an error on every channel but email: an email tool fills it in
// when it sends (so there it is a warning to check the tool knows the field);
// nothing fills it in a post, an ad or a blog.
import type { Channel } from "@/db/schema/enum-values";
import { type ContentFinding, fieldName, findingAt, textFields } from "./content-finding";

/** Something meant to be a link: a scheme with slashes ("htps://", "http:/x"), "http//" without its colon, or "www.". */
const LINK_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/?|https?\/\/|www\.)[^\s<>"'`]*/gi;
/** Punctuation after a link ends the sentence rather than the address. */
const TRAILING = /[.,;:!?)'"”’»]+$/;

const PLACEHOLDERS: { pattern: RegExp; what: string }[] = [
  { pattern: /\{\{[^{}\n]{0,60}\}\}/g, what: "merge tag" },
  { pattern: /\*\|[A-Z0-9_:]{1,40}\|\*/g, what: "merge tag" },
  { pattern: /%[A-Z][A-Z0-9_]{1,40}%/g, what: "merge tag" },
  { pattern: /\[[A-Z][A-Z0-9 _-]{1,40}\]/g, what: "placeholder" },
  { pattern: /\[(?:insert|add|your|link|url|tbd|todo|placeholder)\b[^\]\n]{0,60}\]/gi, what: "placeholder" },
  { pattern: /<(?:insert|add|your|link|url)\b[^<>\n]{0,60}>/gi, what: "placeholder" },
  { pattern: /(?<![\p{L}\p{N}_])(?:TODO|TBD|FIXME|XXX)(?![\p{L}\p{N}_])/gu, what: "note" },
  { pattern: /\blorem ipsum\b/gi, what: "placeholder text" },
];

const STAND_IN_HOSTS = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

/** Why `link` is not a usable web address, or null when it is one. */
export function linkProblem(link: string): string | null {
  const address = /^www\./i.test(link) ? `https://${link}` : link;
  if (/^https?\/\//i.test(address)) return "it is missing the colon after http";
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return "it is not a complete web address";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "only http:// and https:// addresses open for everyone";
  if (!/^\/\/[^/]/.test(address.slice(url.protocol.length))) return "it needs two slashes after the colon";
  const host = url.hostname;
  if (STAND_IN_HOSTS.test(host)) return "it points at a stand-in address";
  if (!/^(?:[\p{L}\p{N}-]+\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]+)$/iu.test(host) && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) {
    return "its address has no domain ending, like .com";
  }
  if (/[{}[\]<>|]|%7B|%7D|%5B|%5D|%3C|%3E|%7C/i.test(url.pathname + url.search)) return "it still has a placeholder in it";
  return null;
}

export function checkLinks(draft: { channel: Channel; title: string; body: string }): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const { field, text } of textFields(draft)) {
    const linkSpans: [number, number][] = [];
    for (const match of text.matchAll(LINK_LIKE)) {
      const link = match[0].replace(TRAILING, "");
      if (!link) continue;
      const start = match.index;
      const end = start + link.length;
      linkSpans.push([start, end]);
      const problem = linkProblem(link);
      if (problem) {
        findings.push(findingAt({ check: "links", severity: "error", field, message: `The link “${link}” in the ${fieldName(field)} won't work: ${problem}.` }, text, start, end));
      }
    }
    for (const { pattern, what } of PLACEHOLDERS) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        // A placeholder inside a link is already reported with the link, and one overlapping another ("[TBD]") once.
        if (linkSpans.some(([from, to]) => start < to && end > from)) continue;
        linkSpans.push([start, end]);
        if (what === "merge tag" && draft.channel === "email") {
          const message = `Merge tag “${match[0]}” in the ${fieldName(field)}: check that your email tool fills it in, or replace it with the real text.`;
          findings.push(findingAt({ check: "links", severity: "warning", field, message }, text, start, end));
        } else {
          const message = `Unfinished ${what} “${match[0]}” in the ${fieldName(field)}: replace it with the real text.`;
          findings.push(findingAt({ check: "links", severity: "error", field, message }, text, start, end));
        }
      }
    }
  }
  return findings.sort((a, b) => (a.field === b.field ? a.start! - b.start! : a.field === "title" ? -1 : 1));
}
