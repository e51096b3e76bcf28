import Link from "next/link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import type { MemberRole } from "@/db/schema/workspaces";

export function UserPanel({ name, email, role }: { name: string; email: string; role?: MemberRole }) {
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0 text-sm">
        {/* The person's own account: password, sign out everywhere. */}
        <Link href="/account" title={name} className="block truncate font-medium text-slate-900 hover:underline">
          {name}
        </Link>
        {/* The whole address, broken where it must: a cut-off address is no help. */}
        <p className="break-all text-xs text-slate-500">
          {role && <span className="capitalize">{role} · </span>}
          {email}
        </p>
      </div>
      <SignOutButton className="shrink-0 whitespace-nowrap rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900" />
    </div>
  );
}
