import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/components/forms/form-state";
import { currentUser } from "@/server/auth/current-user";
import { SignInForm } from "../_components/sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Welcome back. Pick up where your team left off.</p>
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
