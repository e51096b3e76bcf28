"use client";

import clsx from "clsx";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A modal <dialog> shown while `open`: the browser keeps focus inside it and
 * dims the page. Escape asks `onClose` rather than closing by itself, so the
 * owner's state stays what decides whether it is open.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** The id of the dialog's heading. */
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={clsx("m-auto rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40", className)}
    >
      {children}
    </dialog>
  );
}
