import { forbidden, redirect } from "next/navigation";
import { workflowRunStatuses, type WorkflowRunStatus } from "@/db/schema/workflows";
import { workflowEngine } from "@/inngest/engine";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { InngestNote } from "./_components/inngest-note";
import { RunsFilters } from "./_components/runs-filters";
import { runsPageParams, runsQueryInput } from "./_components/runs-query";
import { RunsTable } from "./_components/runs-table";

export const metadata = { title: "Runs" };

function one(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  // Managers and admins only: anyone else is told so, with a 403 (./forbidden.tsx).
  if (!hasRole(workspace.role, "manager")) forbidden();

  const engine = workflowEngine();
  const params = await searchParams;
  const requested = one(params.status);
  const status = workflowRunStatuses.find((value) => value === requested) as WorkflowRunStatus | undefined;
  const functionId = one(params.function);
  if (engine.kind === "embedded") {
    prefetch(trpc.workflow.listFunctions.queryOptions());
    // The first page of the list the table reads a page at a time.
    void getQueryClient().prefetchInfiniteQuery(
      trpc.workflow.listRuns.infiniteQueryOptions(runsQueryInput({ status, functionId }), runsPageParams),
    );
  }

  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-6">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Runs</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every run of the workflows that work in the background for {workspace.name}: emails, reminders and follow-ups, newest first.
          </p>
        </header>
        {engine.kind === "inngest" ? (
          <InngestNote dashboardUrl={engine.dashboardUrl} />
        ) : (
          <>
            <RunsFilters status={status} functionId={functionId} />
            <RunsTable status={status} functionId={functionId} />
          </>
        )}
      </div>
    </HydrateClient>
  );
}
