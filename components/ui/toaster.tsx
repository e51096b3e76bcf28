"use client";

// The one way the app confirms an action: a toast. sonner keeps its list in an
// aria-live="polite" region named "Notifications", so screen readers announce each
// confirmation without moving focus. Errors stay next to the form or field they
// belong to; toasts are for "it worked".
import { unstable_rethrow } from "next/navigation";
import { Toaster as Sonner, toast } from "sonner";

/** Mounted once, in the signed-in layout; toasts survive client-side navigation (create, then open). */
export function Toaster() {
  return <Sonner position="bottom-right" closeButton duration={6000} containerAriaLabel="Notifications" theme="light" />;
}

/** Shows that an action succeeded; `action` offers the next step (say, opening what was just made). */
export function confirmAction(message: string, options: { action?: { label: string; onClick: () => void } } = {}) {
  toast.success(message, options.action ? { action: options.action } : undefined);
}

/**
 * Says that an action the page had already shown did not happen after all (a
 * drag the server refused), with the server's reason: there is no form to put it beside.
 */
export function reportFailure(message: string) {
  toast.error(message);
}

/**
 * Runs a server action that redirects when it succeeds (its promise then rejects
 * with Next's navigation signal, which is passed on), and confirms it with `message`.
 * An action that answers instead (say, with field errors) shows no toast.
 */
export async function confirmRedirect<T>(action: () => Promise<T>, message: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    let navigated = false;
    try {
      unstable_rethrow(error);
    } catch {
      navigated = true;
    }
    if (navigated) confirmAction(message);
    throw error;
  }
}
