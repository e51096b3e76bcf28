"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { campaignTypeLabels, channelLabels } from "@/server/services/campaigns/campaign-labels";
import { DayRange, Money } from "@/components/viewer/formatted";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { campaignsQueryInput, hasFilters } from "./campaigns-query";

export function CampaignList() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const input = campaignsQueryInput(searchParams);
  const { data } = useSuspenseQuery(trpc.campaign.list.queryOptions(input));

  if (data.total === 0) {
    return hasFilters(input) ? (
      <EmptyState title="No campaigns match">Try another search, or clear the filters to see every campaign.</EmptyState>
    ) : (
      <EmptyState title="No campaigns yet">Plan your first campaign: it gets a timeline of milestones from its type.</EmptyState>
    );
  }

  const pageHref = (page: number) => {
    const params = new URLSearchParams(searchParams);
    if (page > 1) params.set("page", String(page));
    else params.delete("page");
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const first = (data.page - 1) * data.pageSize + 1;

  return (
    <div className="space-y-3">
      <div className="md:overflow-x-auto md:rounded-xl md:border md:border-slate-200 md:bg-white">
        <table className="card-table w-full text-left text-sm">
          <caption className="sr-only">Campaigns</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Campaign</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium">Dates</th>
              <th scope="col" className="px-4 py-2 font-medium">Owner</th>
              <th scope="col" className="px-4 py-2 font-medium">Channels</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Budget</th>
            </tr>
          </thead>
          <tbody className="md:divide-y md:divide-slate-100">
            {data.campaigns.map((campaign) => (
              <tr key={campaign.id} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/campaigns/${campaign.id}`} className="text-brand-700 hover:underline">
                    {campaign.name}
                  </Link>
                  <div className="text-xs font-normal text-slate-500">
                    {campaignTypeLabels[campaign.type]}
                    {campaign.audience && ` · ${campaign.audience}`}
                  </div>
                </th>
                <td data-label="Status" className="px-4 py-2">
                  <CampaignStatusBadge status={campaign.status} />
                </td>
                <td data-label="Dates" className="whitespace-nowrap px-4 py-2 text-slate-600"><DayRange start={campaign.startDate} end={campaign.endDate} /></td>
                <td data-label="Owner" className="px-4 py-2 text-slate-600">{campaign.owner.name}</td>
                <td data-label="Channels" className="px-4 py-2 text-slate-600">{campaign.channels.map((channel) => channelLabels[channel]).join(", ") || "—"}</td>
                <td data-label="Budget" className="whitespace-nowrap px-4 py-2 text-right text-slate-600"><Money amount={campaign.budgetAmount} currency={campaign.currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={data.page}
        pageCount={data.pageCount}
        first={first}
        shown={data.campaigns.length}
        total={data.total}
        noun={{ one: "campaign", many: "campaigns" }}
        href={pageHref}
      />
    </div>
  );
}
