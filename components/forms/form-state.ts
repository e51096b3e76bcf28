import { ZodError, z } from "zod";
import { AppError, asAppError } from "@/server/errors";

/** What a server action hands back to its form: a message, errors per field, and what was typed. */
export interface FormState {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

/** A text field of a submitted form; a missing field or a file reads as "". */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Turns an expected failure into form state; anything else is rethrown (a bug, or Next's redirect). */
export function formStateFromError(thrown: unknown, values?: Record<string, string>): FormState {
  // A database data error the schemas missed is the person's input too: said in words, not a 500.
  const error = asAppError(thrown);
  if (error instanceof ZodError) {
    return { fieldErrors: z.flattenError(error).fieldErrors as FormState["fieldErrors"], values };
  }
  if (error instanceof AppError) {
    return error.fieldErrors ? { fieldErrors: error.fieldErrors, values } : { message: error.message, values };
  }
  throw error;
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
