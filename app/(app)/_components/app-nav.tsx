"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ApprovalsBadge } from "./approvals-badge";
import type { NavItem } from "./nav-items";

export function AppNav({ items, waitingApprovals }: { items: NavItem[]; waitingApprovals: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={clsx(
              "flex items-center justify-between gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
              current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {item.label}
            {/* The space keeps the link's name "Approvals 2 waiting on you" rather than running the words together. */}
            {item.badge === "approvals" && (
              <>
                {" "}
                <ApprovalsBadge initial={waitingApprovals} />
              </>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
