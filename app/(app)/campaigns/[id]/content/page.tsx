import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { ContentItems } from "../_components/content-items";

export const metadata = { title: "Campaign content" };

/** A campaign's content on a page of its own. */
export default async function CampaignContentPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();

  let campaign;
  try {
    campaign = await getQueryClient().fetchQuery(trpc.campaign.get.queryOptions({ campaignId: id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  prefetch(trpc.content.list.queryOptions({ campaignId: id }));

  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-6">
        <header className="space-y-2">
          <p className="text-sm">
            <Link href={`/campaigns/${id}`} className="text-brand-700 hover:underline">
              {campaign.name}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">Content of {campaign.name}</h1>
        </header>
        <ContentItems campaignId={id} canEdit={campaign.canEdit} />
      </div>
    </HydrateClient>
  );
}
