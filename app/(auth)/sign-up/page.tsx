import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";
import { SignUpForm } from "../_components/sign-up-form";

export const metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">Plan campaigns, get content approved and run outreach in one place.</p>
      <SignUpForm />
    </>
  );
}
