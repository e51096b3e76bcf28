import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createTRPCContext } from "@/server/api/context";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { ChangePasswordForm } from "./_components/change-password-form";
import { NotificationPreferencesForm } from "./_components/notification-preferences-form";
import { signOutEverywhereAction } from "./actions";

export const metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const { session, workspace } = await createTRPCContext();
  if (!session) redirect("/sign-in");
  if (workspace) prefetch(trpc.notification.preferences.queryOptions());
  const passwordChanged = (await searchParams).password === "changed";

  return (
    <div className="max-w-2xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {session.user.name} ({session.user.email}).
        </p>
      </header>

      {workspace && (
        // Not a named region: the toasts' live region is already called "Notifications".
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">
            Notifications
          </h2>
          <p className="text-sm text-slate-600">For {workspace.name}: where each kind reaches you. Emails come together, at most one every 15 minutes.</p>
          <HydrateClient>
            <NotificationPreferencesForm workspaceName={workspace.name} />
          </HydrateClient>
        </section>
      )}

      <section aria-labelledby="change-password" className="space-y-3">
        <h2 id="change-password" className="text-lg font-semibold">
          Change password
        </h2>
        {passwordChanged && <Alert tone="success">Your password is changed. Every other device you were signed in on is signed out.</Alert>}
        <p className="text-sm text-slate-600">Changing your password signs you out on every other device.</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sign-out-everywhere" className="space-y-3">
        <h2 id="sign-out-everywhere" className="text-lg font-semibold">
          Sign out everywhere
        </h2>
        <p className="text-sm text-slate-600">
          Ends every session you have, this one included: on a lost phone, a shared computer, or a browser you forgot to sign out of.
        </p>
        {/* A form, so it works before the page's scripts have loaded. */}
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">
            Sign out everywhere
          </Button>
        </form>
      </section>
    </div>
  );
}
