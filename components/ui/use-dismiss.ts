"use client";

import { type RefObject, useEffect, useEffectEvent } from "react";

/**
 * Closes a popover (a menu, a panel) while it is open: on Escape, and on a press
 * outside `container`, which holds both its button and the popover. `dismiss`
 * hears which, so Escape can hand the focus back to the button.
 */
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, dismiss: (how: "escape" | "outside") => void): void {
  const onDismiss = useEffectEvent(dismiss);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key === "Escape") onDismiss("escape");
      } else if (!container.current?.contains(event.target as Node)) onDismiss("outside");
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open, container]);
}
