"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { confirmAction } from "@/components/ui/toaster";

/** One id per press of "Resend": the server sends one email for it however often the request is retried. */
function requestId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; a plain-HTTP address on a LAN has only getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Emails an open invitation's same link again, and confirms it with a toast. */
export function useResendInvitation() {
  const trpc = useTRPC();
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: (result) => confirmAction(`Invitation sent again to ${result.email}.`) }));
  return { ...resend, resend: (invitationId: string) => resend.mutate({ invitationId, requestId: requestId() }) };
}
