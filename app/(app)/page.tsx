import Link from "next/link";
import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { requestViewer } from "@/components/viewer/request-viewer";
import { listMembers } from "@/server/services/members/list-members";
import { NewTaskDialog } from "./tasks/_components/new-task-dialog";
import { ApprovalsSummary } from "./_components/approvals-summary";
import { TodaysWork } from "./_components/todays-work";

export const metadata = { title: "Home" };

export default async function HomePage() {
  const { db, session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const [members, viewer] = await Promise.all([listMembers(db, { workspaceId: workspace.id }), requestViewer()]);
  // The same zone the client reads "today" in, so the prefetched answer is the one it asks for.
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.task.today.queryOptions({ timeZone: viewer.timeZone })),
    getQueryClient().prefetchQuery(trpc.approval.summary.queryOptions()),
  ]);
  const firstName = session.user.name.split(" ")[0];

  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-6">
        <header>
          <p className="text-sm text-slate-500">{workspace.name}</p>
          <h1 className="text-3xl font-bold tracking-tight">Welcome, {firstName}</h1>
          <p className="mt-1 text-slate-600">
            You&apos;re {workspace.role === "admin" ? "an" : "a"} <span className="font-medium">{workspace.role}</span> in {workspace.name}.
          </p>
        </header>
        <TodaysWork actions={hasRole(workspace.role, "marketer") ? <NewTaskDialog preset={{ assigneeId: session.user.id }} /> : undefined} />
        <ApprovalsSummary />
        <section aria-labelledby="team-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <div>
            <h2 id="team-heading" className="font-semibold">
              Your team
            </h2>
            <p className="mt-1 text-sm text-slate-600">{members.length === 1 ? "Just you so far." : `${members.length} people work in this workspace.`}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link href="/team" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              See the team
            </Link>
            {hasRole(workspace.role, "admin") && (
              <Link href="/team#invite" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
                Invite a teammate
              </Link>
            )}
          </div>
        </section>
      </div>
    </HydrateClient>
  );
}
