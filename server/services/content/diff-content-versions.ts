import { and, eq, inArray } from "drizzle-orm";
import { diffLines, diffWords } from "diff";
import type { Database } from "@/db";
import { contentVersions, type MediaReference } from "@/db/schema";
import type { DiffContentInput } from "./content.schema";
import { fieldError } from "@/server/errors";
import { findContentItem } from "./find-content-item";

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

const parts = (changes: { value: string; added: boolean; removed: boolean }[]): DiffPart[] =>
  changes.map(({ value, added, removed }) => ({ value, added, removed }));

const mediaText = (media: MediaReference[]) => media.map((image) => `${image.url} (${image.alt})\n`).join("");

/** Word by word, what changed in the title and body between two versions of an item (and, line by line, its images). */
export async function diffContentVersions(db: Database, input: DiffContentInput & { workspaceId: string }) {
  const { item } = await findContentItem(db, input);
  const rows = await db
    .select()
    .from(contentVersions)
    .where(
      and(eq(contentVersions.workspaceId, input.workspaceId), eq(contentVersions.contentItemId, item.id), inArray(contentVersions.version, [input.from, input.to])),
    );
  const from = rows.find((row) => row.version === input.from);
  const to = rows.find((row) => row.version === input.to);
  if (!from) throw fieldError("from", `This item has no version ${input.from}; its latest is version ${item.version}.`, "NOT_FOUND");
  if (!to) throw fieldError("to", `This item has no version ${input.to}; its latest is version ${item.version}.`, "NOT_FOUND");
  return {
    from: from.version,
    to: to.version,
    title: parts(diffWords(from.title, to.title)),
    body: parts(diffWords(from.body, to.body)),
    media: parts(diffLines(mediaText(from.media), mediaText(to.media))),
  };
}
