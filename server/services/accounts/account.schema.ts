import { z } from "zod";
import { memberRoles } from "@/db/schema/enum-values";
import { emailText, linkToken, passwordText, text } from "@/server/services/shared/text.schema";

// Field schemas shared by the server and the forms that feed it.
export const emailField = emailText();

export const PASSWORD_MIN_LENGTH = 10;

export const passwordField = passwordText({ min: PASSWORD_MIN_LENGTH, minMessage: `Use at least ${PASSWORD_MIN_LENGTH} characters` });

export const personNameField = text({ required: "Enter your name", max: 100 });

export const workspaceNameField = text({
  min: { length: 2, message: "Give the workspace a name of at least 2 characters" },
  required: "Give the workspace a name of at least 2 characters",
  max: 80,
});

export const roleField = z.enum(memberRoles, { error: "Choose one of: admin, manager, marketer, viewer" });

export const signUpInput = z.object({
  name: personNameField,
  email: emailField,
  password: passwordField,
  workspaceName: workspaceNameField,
});

export const signInInput = z.object({
  email: emailField,
  password: passwordText({ min: 1, minMessage: "Enter your password" }),
});

export const acceptInvitationInput = z.object({
  token: linkToken("This invitation link is incomplete. Open it again from the email."),
  name: personNameField,
  password: passwordField,
});

export const changePasswordInput = z
  .object({
    currentPassword: passwordText({ min: 1, minMessage: "Enter your current password" }),
    newPassword: passwordField,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });
