"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import { useTRPC } from "@/components/trpc/react";
import type { ContentValue } from "../../../_components/content-fields";
import { ScheduledTime } from "../../../_components/content-time";
import { ContentApproval } from "./content-approval";
import { ContentEditForm } from "./content-edit-form";
import { ContentSchedule } from "./content-schedule";
import { ContentVersions } from "./content-versions";
import { DeleteContentItem } from "./delete-content-item";

/** A content item's page: its text (editable for marketers and up), schedule, versions and deletion. */
export function ContentItemDetail({ contentItemId }: { contentItemId: string }) {
  const trpc = useTRPC();
  const { data: item } = useSuspenseQuery(trpc.content.get.queryOptions({ contentItemId }));
  // What is typed but maybe not saved yet: the approval section checks it as it changes.
  const [draft, setDraft] = useState<ContentValue | null>(null);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/campaigns/${item.campaign.id}`} className="text-brand-700 hover:underline">
            {item.campaign.name}
          </Link>
          {" · "}
          <Link href={`/campaigns/${item.campaign.id}/content`} className="text-brand-700 hover:underline">
            All content
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{item.title}</h1>
        <p className="text-sm text-slate-600">
          {channelLabels[item.channel]} · version {item.version} · <ScheduledTime at={item.scheduledAt} />
        </p>
      </header>

      {item.canEdit ? (
        <ContentEditForm item={item} onDraftChange={setDraft} />
      ) : (
        <section aria-labelledby="text-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="text-heading" className="text-lg font-semibold">
            Text
          </h2>
          <p className="whitespace-pre-wrap text-sm text-slate-800">{item.body || "No text yet."}</p>
          {item.media.length > 0 && (
            <ul className="list-disc pl-5 text-sm text-slate-700">
              {item.media.map((image) => (
                <li key={image.url}>
                  <a href={image.url} className="text-brand-700 hover:underline">
                    {image.alt}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <ContentApproval item={item} draft={draft} />

      {item.canSchedule && <ContentSchedule item={item} />}

      <ContentVersions contentItemId={item.id} versions={item.versions} />

      {item.canEdit && <DeleteContentItem contentItemId={item.id} campaignId={item.campaign.id} title={item.title} />}
    </div>
  );
}
