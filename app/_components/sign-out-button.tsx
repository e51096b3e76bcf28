import { signOutAction } from "@/app/(auth)/actions";

/** A form, so signing out works before the page's scripts have loaded. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
