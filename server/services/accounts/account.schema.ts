import { z } from "zod";
import { memberRoles } from "@/db/schema/enum-values";

// Field schemas shared by the server and the forms that feed it.
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@company.com"));

export const PASSWORD_MIN_LENGTH = 10;

export const passwordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const personNameField = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const workspaceNameField = z
  .string()
  .trim()
  .min(2, "Give the workspace a name of at least 2 characters")
  .max(80, "Use at most 80 characters");

export const roleField = z.enum(memberRoles, { error: "Choose one of: admin, manager, marketer, viewer" });

export const signUpInput = z.object({
  name: personNameField,
  email: emailField,
  password: passwordField,
  workspaceName: workspaceNameField,
});

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(200),
});

export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  name: personNameField,
  password: passwordField,
});

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"),
    newPassword: passwordField,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });
