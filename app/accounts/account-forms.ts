import { z } from "zod";
import { roles } from "~/utils/roles";

// Messages are i18n keys (see app/utils/forms.ts).
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "auth.usernameInvalid");

export const passwordSchema = z.string().min(8, "auth.passwordTooShort").max(128, "auth.passwordTooLong");

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
