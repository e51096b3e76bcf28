import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { workflowEngine } from "@/inngest/engine";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { InngestNote } from "../_components/inngest-note";
import { RunDetail } from "./_components/run-detail";

export const metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  if (!hasRole(workspace.role, "manager")) forbidden();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();

  const engine = workflowEngine();
  if (engine.kind === "embedded") {
    try {
      // Awaited, so a run of another workspace (or none) is a 404 rather than an error in the page.
      await getQueryClient().fetchQuery(trpc.workflow.getRun.queryOptions({ runId: id }));
    } catch (error) {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }
  }

  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-6">
        <Link href="/runs" className="text-sm font-medium text-brand-700 hover:underline">
          ← All runs
        </Link>
        {engine.kind === "inngest" ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight">Run</h1>
            <InngestNote dashboardUrl={engine.dashboardUrl} />
          </>
        ) : (
          <RunDetail runId={id} />
        )}
      </div>
    </HydrateClient>
  );
}
