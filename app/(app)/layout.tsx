import Link from "next/link";
import { redirect } from "next/navigation";
import { createTRPCContext, myWorkspaces } from "@/server/api/context";
import { RememberTimeZone } from "@/components/remember-time-zone";
import { requestViewer } from "@/components/viewer/request-viewer";
import { ViewerProvider } from "@/components/viewer/viewer-context";
import { Toaster } from "@/components/ui/toaster";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { AppNav } from "./_components/app-nav";
import { NotificationBell } from "./_components/notification-bell";
import { navItems } from "./_components/nav-items";
import { SidebarMenu } from "./_components/sidebar-menu";
import { UserPanel } from "./_components/user-panel";
import { WorkspaceSwitcher } from "./_components/workspace-switcher";
import { CreateWorkspaceForm } from "./workspaces/new/_components/create-workspace-form";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { db, session, workspace } = await createTRPCContext();
  if (!session) redirect("/sign-in");
  const { hasTimeZonePreference, ...viewer } = await requestViewer();

  if (!workspace) {
    // Signed in but a member of nothing (e.g. removed from their only workspace).
    return (
      <ViewerProvider viewer={viewer}>
      <RememberTimeZone renderedIn={viewer.timeZone} storeAsPreference={!hasTimeZonePreference} />
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-2xl font-bold tracking-tight">You&apos;re not in a workspace yet</h1>
        <p className="mb-6 mt-2 text-sm text-slate-600">
          Create one to start planning, or ask an admin of your team to invite {session.user.email}.
        </p>
        <CreateWorkspaceForm />
        <div className="mt-10 border-t border-slate-200 pt-4">
          <UserPanel name={session.user.name} email={session.user.email} />
        </div>
      </main>
      </ViewerProvider>
    );
  }

  const [workspaces, unread, waitingApprovals] = await Promise.all([
    myWorkspaces(db, session.user.id),
    getQueryClient().fetchQuery(trpc.notification.unreadCount.queryOptions()),
    getQueryClient().fetchQuery(trpc.approval.waitingCount.queryOptions()),
  ]);
  const visibleNav = navItems.filter((item) => !item.minRole || hasRole(workspace.role, item.minRole));

  return (
    <ViewerProvider viewer={viewer}>
    <div className="min-h-screen md:grid md:grid-cols-[16rem_1fr]">
      <RememberTimeZone renderedIn={viewer.timeZone} storeAsPreference={!hasTimeZonePreference} />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside className="flex flex-col gap-4 border-b border-slate-200 bg-white p-4 md:min-h-screen md:border-b-0 md:border-r">
        <SidebarMenu
          tools={<NotificationBell userId={session.user.id} initialUnread={unread} />}
          brand={
            <Link href="/" className="flex items-center gap-2 px-1 text-lg font-bold tracking-tight">
              <img src="/icon.svg" alt="" width={24} height={24} />
              Crescendo
            </Link>
          }
        >
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <AppNav items={visibleNav} waitingApprovals={waitingApprovals} />
          <div className="mt-auto border-t border-slate-100 pt-4">
            <UserPanel name={session.user.name} email={session.user.email} role={workspace.role} />
          </div>
        </SidebarMenu>
      </aside>
      <main id="main" className="min-w-0 px-4 py-6 md:px-8 md:py-8">
        {children}
      </main>
    </div>
    {/* Outside the grid: its region would otherwise take the sidebar's cell. */}
    <Toaster />
    </ViewerProvider>
  );
}
