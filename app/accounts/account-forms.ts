import { z } from "zod";
import { roles } from "~/utils/roles";
import { isPublishedPassword } from "./demo-accounts";

// Messages are i18n keys (see app/utils/forms.ts).
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "auth.usernameInvalid");

export const passwordSchema = z
  .string()
  .min(8, "auth.passwordTooShort")
  .max(128, "auth.passwordTooLong")
  .refine((password) => !isPublishedPassword(password), "account.passwordPublished");

export const displayNameSchema = z
  .string()
  .trim()
  .min(2, "auth.displayNameInvalid")
  .max(60, "auth.displayNameInvalid");

export const signInSchema = z.object({
  username: z.string().trim().min(1, "form.required"),
  password: z.string().min(1, "form.required"),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});

export const createStaffSchema = z.object({
  intent: z.literal("create"),
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  role: z.enum(roles, "form.required"),
  unitId: z
    .string()
    .optional()
    .transform((value) => value || null),
});

export const changeRoleSchema = z.object({
  intent: z.literal("change-role"),
  userId: z.string().min(1, "admin.users.unknownUser"),
  role: z.enum(roles, "form.required"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "form.required").max(128, "auth.passwordTooLong"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    message: "account.passwordMismatch",
    path: ["confirmPassword"],
  });

// Reset codes are typed by pupils from a note: case, spaces and dashes do not matter.
export const resetCodeSchema = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{10}$/, "account.resetCodeInvalid"));

export const resetWithCodeSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1, "form.required").max(64, "auth.usernameInvalid"),
    code: resetCodeSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    message: "account.passwordMismatch",
    path: ["confirmPassword"],
  });

export const adminAccountSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("set-password"), newPassword: passwordSchema }),
    z.object({ intent: z.literal("issue-code") }),
    z.object({ intent: z.literal("disable") }),
    z.object({ intent: z.literal("enable") }),
  ],
  "form.required",
);
