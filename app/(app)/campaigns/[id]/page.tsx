import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { CampaignActivity } from "./_components/campaign-activity";
import { CampaignAssignment } from "./_components/campaign-assignment";
import { CampaignDetail } from "./_components/campaign-detail";
import { ContentItems } from "./_components/content-items";
import { CriticalPath } from "./_components/critical-path";
import { MilestoneTimeline } from "./_components/milestone-timeline";

export const metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();

  const queryClient = getQueryClient();
  const campaign = await queryClient.fetchQuery(trpc.campaign.get.queryOptions({ campaignId: id })).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  void queryClient.prefetchQuery(trpc.content.list.queryOptions({ campaignId: id }));
  void queryClient.prefetchQuery(trpc.plan.criticalPath.queryOptions({ campaignId: id }));
  void queryClient.prefetchInfiniteQuery(trpc.campaign.activity.infiniteQueryOptions({ campaignId: id }, { getNextPageParam: (page) => page.nextCursor }));

  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-8">
        <CampaignDetail campaignId={id} />
        <MilestoneTimeline campaignId={id} canEdit={campaign.canEdit} />
        <CriticalPath campaignId={id} />
        {campaign.canEdit && <CampaignAssignment campaignId={id} />}
        <ContentItems campaignId={id} canEdit={campaign.canEdit} />
        <section aria-labelledby="activity-heading" className="space-y-3">
          <h2 id="activity-heading" className="text-lg font-semibold">
            Activity
          </h2>
          <CampaignActivity campaignId={id} />
        </section>
      </div>
    </HydrateClient>
  );
}
