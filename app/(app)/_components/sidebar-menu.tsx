"use client";

import { clsx } from "clsx";
import { useEffect, useState } from "react";

/**
 * The sidebar's contents (workspace, navigation, account): always shown from
 * tablet width up; on a phone folded behind a "Menu" button beside the logo, so
 * the page starts near the top and every item has a whole line. `tools` (the
 * bell) stay beside the logo at every width.
 */
export function SidebarMenu({ brand, tools, children }: { brand: React.ReactNode; tools?: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-2">
        {brand}
        <div className="flex items-center gap-2">
          {tools}
          <button
            type="button"
            aria-expanded={open}
            aria-controls="app-menu"
            onClick={() => setOpen((value) => !value)}
            className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 md:hidden"
          >
            <span aria-hidden="true">{open ? "✕" : "☰"}</span>
            Menu
          </button>
        </div>
      </div>
      <div
        id="app-menu"
        // Following a link closes the menu: the next page starts with it folded.
        onClick={(event) => {
          if ((event.target as Element).closest("a")) setOpen(false);
        }}
        className={clsx("flex-1 flex-col gap-4 md:flex", open ? "flex" : "hidden")}
      >
        {children}
      </div>
    </>
  );
}
