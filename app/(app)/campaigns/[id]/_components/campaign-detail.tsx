"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { campaignTypeLabels, channelLabels } from "@/server/services/campaigns/campaign-labels";
import { useViewer } from "@/components/viewer/viewer-context";
import { formatDay, formatMoney, formatNumber } from "@/server/services/date-time";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { useTRPC } from "@/components/trpc/react";
import { DeleteCampaign } from "./delete-campaign";
import { StatusActions } from "./status-actions";

/** The campaign's header, status actions and overview; sections below it are rendered by the page. */
export function CampaignDetail({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const { data: campaign } = useSuspenseQuery(trpc.campaign.get.queryOptions({ campaignId }));
  const viewer = useViewer();
  const kpi = campaign.kpiName ? `${campaign.kpiName}${campaign.kpiTarget ? `: ${formatNumber(viewer, Number(campaign.kpiTarget))}` : ""}` : "—";

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/campaigns" className="text-brand-700 hover:underline">
            Campaigns
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{campaign.name}</h1>
          <CampaignStatusBadge status={campaign.status} />
        </div>
        <p className="text-sm text-slate-600">
          {campaignTypeLabels[campaign.type]} · owned by {campaign.owner.name}
        </p>
        <div className="flex flex-wrap items-start gap-2">
          {campaign.canEdit && (
            <Link
              href={`/campaigns/${campaign.id}/edit`}
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Edit details
            </Link>
          )}
          <StatusActions campaignId={campaign.id} status={campaign.status} allowedStatuses={campaign.allowedStatuses} canRestore={campaign.canRestore} />
        </div>
      </header>

      <section aria-labelledby="overview-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="overview-heading" className="text-lg font-semibold">
          Overview
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item term="Goal">{campaign.goal || "—"}</Item>
          <Item term="Target KPI">{kpi}</Item>
          <Item term="Audience">{campaign.audience || "—"}</Item>
          <Item term="Channels">{campaign.channels.map((channel) => channelLabels[channel]).join(", ") || "—"}</Item>
          <Item term="Budget">{formatMoney(viewer, campaign.budgetAmount, campaign.currency)}</Item>
          <Item term="Owner">{campaign.owner.name}</Item>
          <Item term="Start">{formatDay(viewer, campaign.startDate)}</Item>
          <Item term="Launch">{formatDay(viewer, campaign.launchDate)}</Item>
          <Item term="End">{formatDay(viewer, campaign.endDate)}</Item>
        </dl>
      </section>

      {campaign.canDelete && <DeleteCampaign campaignId={campaign.id} name={campaign.name} />}
    </div>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}
