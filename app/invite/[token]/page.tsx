import Link from "next/link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { roleLabels } from "@/components/roles";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { currentUser } from "@/server/auth/current-user";
import { getInvitationByToken } from "@/server/services/invitations/get-invitation";
import { INVALID_INVITATION, invitationRefusals } from "@/server/services/invitations/invitation-status";
import { JoinForm, NewAccountForm } from "./_components/accept-forms";

export const metadata = { title: "Invitation" };


export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitationByToken(await getDb(), { token }), currentUser()]);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {!invitation || invitation.status !== "pending" ? (
          <>
            <h1 className="mb-4 text-2xl font-bold tracking-tight">Invitation</h1>
            <Alert>{invitation && invitation.status !== "pending" ? invitationRefusals[invitation.status] : INVALID_INVITATION}</Alert>
            <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              Go to sign in
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold tracking-tight">Join {invitation.workspaceName}</h1>
            <p className="mb-6 mt-1 text-sm text-slate-600">
              {invitation.inviterName} invited {invitation.email} as {roleLabels[invitation.role].toLowerCase()}.
            </p>
            {user?.email === invitation.email ? (
              <JoinForm token={token} workspaceName={invitation.workspaceName} />
            ) : user ? (
              <div className="space-y-4">
                <Alert>
                  This invitation is for {invitation.email}, but you are signed in as {user.email}. Sign out, then
                  open the link again.
                </Alert>
                <SignOutButton className="text-sm font-medium text-brand-700 hover:underline" />
              </div>
            ) : invitation.hasAccount ? (
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
                className="block rounded-md bg-brand-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-brand-700"
              >
                Sign in as {invitation.email} to accept
              </Link>
            ) : (
              <NewAccountForm token={token} email={invitation.email} />
            )}
          </>
        )}
      </div>
    </main>
  );
}
