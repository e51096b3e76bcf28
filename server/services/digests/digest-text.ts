// The plain text both digests are written in: blocks (one per campaign in the
// weekly summary) of sections of lines, each line with its full link, long
// sections cut short with a pointer to the app, and the link to the member's
// preferences at the end.
import { appUrl } from "@/server/env";

export interface DigestSection {
  heading: string;
  items: { line: string; link: string }[];
}

export interface DigestBlock {
  title?: { line: string; link: string };
  /** Lines said before the sections ("12 tasks open, 2 of them overdue"). */
  notes?: string[];
  sections: DigestSection[];
}

/** Lines a section lists before it says how many more there are. */
const MOST = 15;

export function digestText(input: { greeting: string; intro: string; blocks: DigestBlock[]; more: { label: string; link: string }; settings: string }): string {
  const lines = [input.greeting, "", input.intro];
  for (const block of input.blocks) {
    const indent = block.title ? "  " : "";
    if (block.title) lines.push("", block.title.line, `${block.title.link}`);
    for (const note of block.notes ?? []) lines.push(`${indent}${note}`);
    for (const section of block.sections) {
      if (section.items.length === 0) continue;
      lines.push("", `${indent}${section.heading} (${section.items.length})`);
      for (const item of section.items.slice(0, MOST)) lines.push(`${indent}- ${item.line}`, `${indent}  ${item.link}`);
      if (section.items.length > MOST) lines.push(`${indent}  …and ${section.items.length - MOST} more: ${block.title?.link ?? input.more.link}`);
    }
  }
  lines.push("", `${input.more.label}: ${input.more.link}`, `${input.settings}: ${appUrl()}/account`);
  return lines.join("\n");
}
