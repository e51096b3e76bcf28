import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { fromRecord } from "../campaigns/_components/campaigns-query";
import { ApprovalsQueue } from "./_components/approvals-queue";
import { queueInput } from "./_components/queue-query";

export const metadata = { title: "Approvals" };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const manager = hasRole(workspace.role, "manager");
  prefetch(trpc.approval.queue.queryOptions(queueInput(fromRecord(await searchParams), manager)));

  return (
    <HydrateClient>
      <div className="space-y-4">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Approvals</h1>
          <p className="mt-1 text-sm text-slate-600">Content waiting for a decision, what you asked for, and what was decided.</p>
        </header>
        <ApprovalsQueue manager={manager} />
      </div>
    </HydrateClient>
  );
}
