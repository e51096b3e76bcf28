import type { MemberRole } from "@/db/schema/workspaces";

export interface NavItem {
  href: string;
  label: string;
  /** The least role that sees the page; everyone when absent. */
  minRole?: MemberRole;
  /** A live count beside the label: what waits on the member. */
  badge?: "approvals";
}

// Only pages that work are listed; each new page adds itself here.
export const navItems: NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/calendar", label: "Calendar" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/tasks", label: "Tasks" },
  { href: "/approvals", label: "Approvals", badge: "approvals" },
  { href: "/team", label: "Team" },
  { href: "/runs", label: "Runs", minRole: "manager" },
  { href: "/outbox", label: "Outbox", minRole: "admin" },
  { href: "/settings", label: "Settings" },
];
