"use client";

import { clsx } from "clsx";
import { useId } from "react";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Channel } from "@/db/schema/campaigns";
import { checkContent, type ContentDraft, problemsByField } from "@/server/services/content/channel-rules";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatNumber } from "@/server/services/date-time";

// The title, body and images of a content item, with the channel's rules checked
// as you type: live counts ("212 / 280") and the same messages the server gives.
// Each broken rule is said once, under its field (the live check while typing, else
// the server's answer); the rules region below keeps only the tips.

export type ContentValue = ContentDraft;

export const emptyContent: ContentValue = { title: "", body: "", media: [] };

const titleLabel = (channel: Channel) => (channel === "email" ? "Subject" : "Title");
const bodyLabel: Record<Channel, string> = {
  email: "Email body",
  linkedin: "Post text",
  x: "Post text",
  instagram: "Caption",
  facebook: "Post text",
  pinterest: "Description",
  blog: "Article",
  ad: "Primary text",
};

export function ContentFields({
  channel,
  value,
  onChange,
  errors = {},
}: {
  channel: Channel;
  value: ContentValue;
  onChange: (next: ContentValue) => void;
  /** Field errors from the server, by field (title, body, media). */
  errors?: Record<string, string[]>;
}) {
  const bodyId = useId();
  const check = checkContent(channel, value);
  const live = problemsByField(check.errors);
  const shown = (field: string) => (live[field]?.length ? live[field] : errors[field]);
  const bodyError = shown("body")?.[0];
  const problems = check.warnings;
  const setImage = (index: number, patch: Partial<ContentValue["media"][number]>) =>
    onChange({ ...value, media: value.media.map((image, i) => (i === index ? { ...image, ...patch } : image)) });
  const viewer = useViewer();
  const counted = (used: number, limit: number | null) =>
    limit === null ? `${formatNumber(viewer, used)} characters` : `${formatNumber(viewer, used)} / ${formatNumber(viewer, limit)}`;

  return (
    <div className="space-y-4">
      <TextField
        label={titleLabel(channel)}
        value={value.title}
        onChange={(event) => onChange({ ...value, title: event.target.value })}
        errors={shown("title")}
        hint={check.title.limit === null ? undefined : counted(check.title.used, check.title.limit)}
      />
      <div className="space-y-1">
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor={bodyId} className="block text-sm font-medium text-slate-800">
            {bodyLabel[channel]}
          </label>
          <span
            id={`${bodyId}-count`}
            className={clsx("text-xs tabular-nums", check.body.limit !== null && check.body.used > check.body.limit ? "font-semibold text-red-700" : "text-slate-500")}
          >
            {counted(check.body.used, check.body.limit)}
          </span>
        </div>
        <textarea
          id={bodyId}
          rows={channel === "blog" || channel === "email" ? 12 : 6}
          value={value.body}
          onChange={(event) => onChange({ ...value, body: event.target.value })}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={clsx(`${bodyId}-count`, bodyError && `${bodyId}-error`)}
          className={clsx(
            "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20",
            bodyError ? "border-red-400" : "border-slate-300",
          )}
        />
        <div aria-live="polite">
          {bodyError && (
            <p id={`${bodyId}-error`} className="text-sm text-red-700">
              {bodyError}
            </p>
          )}
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Images</legend>
        {value.media.length === 0 && <p className="text-sm text-slate-500">No images.</p>}
        {value.media.map((image, index) => (
          <div key={index} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <TextField label={`Image ${index + 1} address`} type="url" value={image.url} onChange={(event) => setImage(index, { url: event.target.value })} />
            <TextField label={`Image ${index + 1} description`} value={image.alt} onChange={(event) => setImage(index, { alt: event.target.value })} />
            <Button type="button" variant="ghost" onClick={() => onChange({ ...value, media: value.media.filter((_, i) => i !== index) })}>
              Remove image {index + 1}
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => onChange({ ...value, media: [...value.media, { url: "", alt: "" }] })}>
          Add image
        </Button>
        {shown("media")?.map((message) => (
          <p key={message} className="text-sm text-red-700">
            {message}
          </p>
        ))}
      </fieldset>

      <div aria-live="polite" aria-label={`${channelLabels[channel]} rules`} role="region">
        {problems.length > 0 && (
          <ul className="space-y-1 text-sm">
            {problems.map((problem) => (
              <li key={problem.message} className="text-amber-700">
                Tip: {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
