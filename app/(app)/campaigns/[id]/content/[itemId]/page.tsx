import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { ContentItemDetail } from "./_components/content-item-detail";

export const metadata = { title: "Content item" };

export default async function ContentItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const { id, itemId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(itemId).success) notFound();

  try {
    const item = await getQueryClient().fetchQuery(trpc.content.get.queryOptions({ contentItemId: itemId }));
    if (item.campaignId !== id) notFound();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  return (
    <HydrateClient>
      <div className="max-w-4xl">
        <ContentItemDetail contentItemId={itemId} />
      </div>
    </HydrateClient>
  );
}
