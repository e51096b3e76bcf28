"use client";

import { startTransition, useEffect, useRef } from "react";
import type { FormState } from "@/components/forms/form-state";

/**
 * Submits a server-action form without React's reset after the action, so what
 * was typed (the password too, which the server never sends back) is still there
 * after a refusal, and moves the focus to what went wrong: the message at the top,
 * or else the first field with an error. Without JavaScript the form posts as usual.
 */
export function useKeptForm(state: FormState, action: (formData: FormData) => void) {
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.message) summary.current?.focus();
    else if (state.fieldErrors && Object.values(state.fieldErrors).some((messages) => messages?.length)) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return { form, summary, onSubmit };
}
