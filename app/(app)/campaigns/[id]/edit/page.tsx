import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { CampaignForm } from "../../_components/campaign-form";

export const metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();

  prefetch(trpc.member.list.queryOptions());
  const campaign = await getQueryClient()
    .fetchQuery(trpc.campaign.get.queryOptions({ campaignId: id }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  if (!campaign.canEdit) redirect(`/campaigns/${id}`);

  return (
    <HydrateClient>
      <div className="space-y-6">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Edit “{campaign.name}”</h1>
        </header>
        <CampaignForm campaign={campaign} currentUserId={session.user.id} />
      </div>
    </HydrateClient>
  );
}
