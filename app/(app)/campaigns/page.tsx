import Link from "next/link";
import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { PhoneFold } from "@/components/ui/phone-fold";
import { CampaignFilters } from "./_components/campaign-filters";
import { CampaignList } from "./_components/campaign-list";
import { campaignsQueryInput, fromRecord } from "./_components/campaigns-query";

export const metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  prefetch(trpc.member.list.queryOptions());
  const params = await searchParams;
  prefetch(trpc.campaign.list.queryOptions(campaignsQueryInput(fromRecord(params))));

  return (
    <HydrateClient>
      <div className="space-y-6">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold tracking-tight">Campaigns</h1>
            <p className="mt-1 text-sm text-slate-600">Everything {workspace.name} is planning, running and has run.</p>
          </div>
          {hasRole(workspace.role, "marketer") && (
            <Link href="/campaigns/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
              New campaign
            </Link>
          )}
        </header>
        <PhoneFold label="Search and filters" active={["q", "status", "type", "owner", "channel", "from", "to"].filter((name) => params[name]).length}>
          <CampaignFilters />
        </PhoneFold>
        <CampaignList />
      </div>
    </HydrateClient>
  );
}
