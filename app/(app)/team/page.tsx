import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { InvitationsList } from "./_components/invitations-list";
import { InviteForm } from "./_components/invite-form";
import { MembersTable } from "./_components/members-table";
import { PlanningProfiles } from "./_components/planning-profiles";
import { SkillCatalogue } from "./_components/skill-catalogue";
import { WorkloadChart } from "./_components/workload-chart";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const { workspace, session } = await createTRPCContext();
  if (!workspace || !session) redirect("/sign-in");
  const isAdmin = hasRole(workspace.role, "admin");
  prefetch(trpc.member.list.queryOptions());
  prefetch(trpc.team.profiles.queryOptions());
  prefetch(trpc.team.workload.queryOptions());
  if (isAdmin) prefetch(trpc.invitation.list.queryOptions());

  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-8">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Team</h1>
          <p className="mt-1 text-sm text-slate-600">Everyone in {workspace.name} and what they can do.</p>
        </header>
        <MembersTable isAdmin={isAdmin} />
        <WorkloadChart />
        <PlanningProfiles currentUserId={session.user.id} isManager={hasRole(workspace.role, "manager")} />
        <SkillCatalogue canEdit={hasRole(workspace.role, "manager")} />
        {isAdmin && (
          <>
            <section id="invite" aria-labelledby="invite-heading" className="rounded-xl border border-slate-200 bg-white p-5">
              <h2 id="invite-heading" className="font-semibold">
                Invite a teammate
              </h2>
              <p className="mb-4 mt-1 text-sm text-slate-600">They&apos;ll get an email with a link that works once, for 7 days.</p>
              <InviteForm />
            </section>
            <InvitationsList />
          </>
        )}
      </div>
    </HydrateClient>
  );
}
