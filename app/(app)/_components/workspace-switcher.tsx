"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { WorkspaceMembership } from "@/server/services/workspaces/list-my-workspaces";
import { confirmRedirect } from "@/components/ui/toaster";
import { useDismiss } from "@/components/ui/use-dismiss";
import { switchWorkspaceAction } from "../actions";

/** A menu of the person's workspaces; choosing one makes it the active workspace. */
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceMembership; workspaces: WorkspaceMembership[] }) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useDismiss(open, container, () => setOpen(false));

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="workspace-menu"
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50"
      >
        {/* Named by its own text (no aria-label), which holds the workspace's name as shown: voice control finds it by what it says. */}
        <span aria-hidden="true" className="min-w-0">
          <span className="block text-xs text-slate-500">Workspace</span>
          <span className="block truncate font-semibold">{current.name}</span>
        </span>
        <span className="sr-only">Switch workspace (current: {current.name})</span>
        <span aria-hidden="true" className="text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div id="workspace-menu" className="absolute z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <form
            action={(formData) => {
              const chosen = workspaces.find((workspace) => workspace.id === formData.get("workspaceId"));
              return confirmRedirect(() => switchWorkspaceAction(formData), `Switched to ${chosen?.name ?? "the workspace"}.`);
            }}
          >
            <ul aria-label="Your workspaces">
              {workspaces.map((workspace) => (
                <li key={workspace.id}>
                  <button
                    type="submit"
                    name="workspaceId"
                    value={workspace.id}
                    aria-current={workspace.id === current.id ? "true" : undefined}
                    className="flex w-full items-center justify-between rounded px-3 py-2 text-left text-sm hover:bg-slate-100"
                  >
                    <span className="truncate">{workspace.name}</span>
                    <span className="ml-2 text-xs capitalize text-slate-500">{workspace.role}</span>
                  </button>
                </li>
              ))}
            </ul>
          </form>
          <Link href="/workspaces/new" className="block border-t border-slate-100 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50">
            New workspace
          </Link>
        </div>
      )}
    </div>
  );
}
