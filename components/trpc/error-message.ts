import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

/** The sentence to show for a failed call; the server's messages are written for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (error.data?.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
    return error.message;
  }
  return "We couldn't reach Crescendo. Check your connection and try again.";
}

/** Field errors from the server (zod or AppError), to place next to their fields. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (error instanceof TRPCClientError) {
    return ((error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, string[]> | null) ?? {};
  }
  return {};
}
