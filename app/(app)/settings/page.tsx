import { redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { ApprovalPolicies } from "./_components/approval-policies";
import { BlackoutDates } from "./_components/blackout-dates";
import { BrandRulesForm } from "./_components/brand-rules-form";
import { PlanningForm } from "./_components/planning-form";
import { TemplateEditor } from "./_components/template-editor";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  const isAdmin = hasRole(workspace.role, "admin");
  const isManager = hasRole(workspace.role, "manager");
  prefetch(trpc.settings.get.queryOptions());
  prefetch(trpc.settings.listBlackouts.queryOptions());
  prefetch(trpc.template.list.queryOptions());
  prefetch(trpc.settings.brandRules.queryOptions());
  prefetch(trpc.approvalPolicy.list.queryOptions());
  prefetch(trpc.member.list.queryOptions());

  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-8">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
          <p className="mt-1 text-sm text-slate-600">How {workspace.name} plans and approves: holidays, limits, days off, the timeline each kind of campaign starts with, brand rules and approval policies.</p>
        </header>
        <PlanningForm canEdit={isAdmin} />
        <BlackoutDates canEdit={isManager} />
        <TemplateEditor canEdit={isManager} />
        <BrandRulesForm canEdit={isAdmin} />
        <ApprovalPolicies canEdit={isAdmin} />
      </div>
    </HydrateClient>
  );
}
