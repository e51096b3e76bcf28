import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { PhoneFold } from "@/components/ui/phone-fold";
import { requestViewer } from "@/components/viewer/request-viewer";
import { fromRecord } from "../campaigns/_components/campaigns-query";
import { NewTaskDialog } from "./_components/new-task-dialog";
import { TaskBoard } from "./_components/task-board";
import { TaskFilters } from "./_components/task-filters";
import { TaskList } from "./_components/task-list";
import { boardQueryInput, FILTER_NAMES, listQueryInput, tasksView } from "./_components/tasks-query";
import { ViewToggle } from "./_components/view-toggle";

export const metadata = { title: "Tasks" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const [{ timeZone }, record] = await Promise.all([requestViewer(), searchParams]);
  const params = fromRecord(record);
  const view = tasksView(params);
  prefetch(trpc.task.options.queryOptions());
  if (view === "list") prefetch(trpc.task.list.queryOptions(listQueryInput(params, timeZone)));
  else prefetch(trpc.task.board.queryOptions(boardQueryInput(params, timeZone)));

  return (
    <HydrateClient>
      <div className="space-y-5">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold tracking-tight">Tasks</h1>
            <p className="mt-1 text-sm text-slate-600">What {workspace.name} is working on, from to do to done.</p>
          </div>
          <div className="flex items-center gap-3">
            <ViewToggle />
            {hasRole(workspace.role, "marketer") && <NewTaskDialog />}
          </div>
        </header>
        <PhoneFold label="Search and filters" active={FILTER_NAMES.filter((name) => record[name]).length}>
          <TaskFilters />
        </PhoneFold>
        {view === "list" ? <TaskList /> : <TaskBoard viewerId={session.user.id} />}
      </div>
    </HydrateClient>
  );
}
