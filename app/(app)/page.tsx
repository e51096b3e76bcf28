import Link from "next/link";
import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { hasRole } from "@/server/auth/roles";
import { listMembers } from "@/server/services/members/list-members";

export const metadata = { title: "Home" };

export default async function HomePage() {
  const { db, session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const members = await listMembers(db, { workspaceId: workspace.id });
  const firstName = session.user.name.split(" ")[0];

  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <p className="text-sm text-slate-500">{workspace.name}</p>
        <h1 className="text-3xl font-bold tracking-tight">Welcome, {firstName}</h1>
        <p className="mt-1 text-slate-600">
          You&apos;re {workspace.role === "admin" ? "an" : "a"} <span className="font-medium">{workspace.role}</span> in{" "}
          {workspace.name}.
        </p>
      </header>
      <section aria-labelledby="team-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="team-heading" className="font-semibold">
          Your team
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {members.length === 1 ? "Just you so far." : `${members.length} people work in this workspace.`}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
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
  );
}
