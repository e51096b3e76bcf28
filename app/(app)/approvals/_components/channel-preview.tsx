"use client";

import { clsx } from "clsx";
import { useRef } from "react";
import type { Channel } from "@/db/schema/enum-values";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";

export interface PreviewContent {
  channel: Channel;
  title: string;
  body: string;
  media: { url: string; alt: string }[];
}

export interface Passage {
  start: number;
  end: number;
  quote: string;
}

const social = new Set<Channel>(["linkedin", "x", "instagram", "facebook", "pinterest"]);

/**
 * A lone picture fills the post's width, cropped as its network crops it in the
 * feed: square on Instagram, tall on Pinterest, wide on the others. In an email
 * or an article it keeps its own shape. Several pictures share a grid of squares.
 */
function loneFrame(channel: Channel): string {
  if (channel === "instagram") return "aspect-square";
  if (channel === "pinterest") return "aspect-[2/3]";
  return social.has(channel) ? "aspect-[1.91/1]" : "h-auto";
}

/**
 * How the item will look where it goes: an email with its subject, a social
 * post with its images first or last as the network shows them, or an article.
 * Selecting words of the body reports the passage (offsets into the body), so a
 * comment can be anchored to it.
 */
export function ChannelPreview({ content, author, onSelectPassage }: { content: PreviewContent; author: string; onSelectPassage?: (passage: Passage) => void }) {
  const bodyRef = useRef<HTMLParagraphElement>(null);

  function reportSelection() {
    const body = bodyRef.current;
    const selection = window.getSelection();
    if (!body || !onSelectPassage || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
    // The text before the selection's start, within the body, is its offset.
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const quote = range.toString();
    if (quote.trim()) onSelectPassage({ start, end: start + quote.length, quote });
  }

  const body = (
    <p
      ref={bodyRef}
      onMouseUp={reportSelection}
      onKeyUp={reportSelection}
      className="whitespace-pre-wrap break-words text-sm text-slate-900"
    >
      {content.body || <span className="text-slate-500">No text.</span>}
    </p>
  );
  const lone = content.media.length === 1;
  const images = content.media.length > 0 && (
    <ul className={lone ? "grid grid-cols-1" : "grid grid-cols-2 gap-2"}>
      {content.media.map((image) => (
        <li key={image.url} className="overflow-hidden rounded-md border border-slate-200 bg-slate-50">
          {/* The reviewer sees the image and the description readers will get. */}
          <img src={image.url} alt={image.alt} className={clsx("w-full object-cover", lone ? loneFrame(content.channel) : "aspect-square")} />
          <p className="px-2 py-1 text-xs text-slate-700">
            <span className="font-medium">Alt text:</span> {image.alt || <em>missing</em>}
          </p>
        </li>
      ))}
    </ul>
  );
  const family = content.channel === "email" ? "email" : social.has(content.channel) ? "social" : "article";

  return (
    <figure aria-label={`${channelLabels[content.channel]} preview`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-600">{channelLabels[content.channel]} preview</figcaption>
      {family === "email" ? (
        <div className="space-y-3">
          <dl className="space-y-0.5 border-b border-slate-100 pb-2 text-sm">
            <div className="flex gap-2">
              <dt className="text-slate-600">From</dt>
              <dd>{author}</dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-600">Subject</dt>
              <dd className="font-semibold">{content.title}</dd>
            </div>
          </dl>
          {body}
          {images}
        </div>
      ) : family === "social" ? (
        <div className="space-y-3">
          <p className="flex items-center gap-2 text-sm font-semibold">
            <span aria-hidden="true" className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-brand-800">
              {author.slice(0, 1)}
            </span>
            {author}
          </p>
          {content.channel === "instagram" || content.channel === "pinterest" ? (
            <>
              {images}
              {body}
            </>
          ) : (
            <>
              {body}
              {images}
            </>
          )}
        </div>
      ) : (
        <article className="space-y-3">
          <h4 className="text-lg font-bold">{content.title}</h4>
          {body}
          {images}
        </article>
      )}
    </figure>
  );
}
