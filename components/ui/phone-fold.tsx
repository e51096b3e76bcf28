"use client";

import { clsx } from "clsx";
import { useId, useState } from "react";

/**
 * Shown as is from the small-tablet width up; on a phone folded behind one
 * button (e.g. "Filters"), so the page's content is not pushed a screen down.
 * `active` says on the button how many are in use, so a folded filter is not forgotten.
 */
export function PhoneFold({ label, active = 0, children }: { label: string; active?: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:hidden"
      >
        {label}
        {active > 0 && <span className="rounded-full bg-brand-50 px-2 text-xs text-brand-800">{active} on</span>}
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div id={id} className={clsx("mt-3 sm:mt-0 sm:block", open ? "block" : "hidden")}>
        {children}
      </div>
    </div>
  );
}
