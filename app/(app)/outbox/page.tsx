import { forbidden, redirect } from "next/navigation";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { env } from "@/server/env";
import { OutboxList } from "./_components/outbox-list";

export const metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const { workspace } = await createTRPCContext();
  if (!workspace) redirect("/sign-in");
  if (!hasRole(workspace.role, "admin")) forbidden();
  prefetch(trpc.outbox.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-6">
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Outbox</h1>
          <p className="mt-1 text-sm text-slate-600">
            {env.SMTP_URL
              ? "Every email Crescendo sent for this workspace, as it was sent."
              : "Email delivery is not configured, so emails are kept here instead of being sent. Copy a link from here to pass it on."}
          </p>
        </header>
        <OutboxList />
      </div>
    </HydrateClient>
  );
}
