import { forbidden, redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { CampaignForm } from "../_components/campaign-form";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const { session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  if (!hasRole(workspace.role, "marketer")) forbidden();
  prefetch(trpc.member.list.queryOptions());
  return (
    <HydrateClient>
      <div className="space-y-6">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">New campaign</h1>
          <p className="mt-1 text-sm text-slate-600">It starts as a draft with a timeline of milestones from its type, counted back from the launch date.</p>
        </header>
        <CampaignForm currentUserId={session.user.id} />
      </div>
    </HydrateClient>
  );
}
