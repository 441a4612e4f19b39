import { z } from "zod";
import { ROLES } from "@/server/auth/permissions";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
/** Long passphrases welcome; 12 characters is the floor. */
export const passwordSchema = z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters.");

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(256) });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120),
  roles: z.array(z.enum(ROLES)).min(1, "Give the user at least one role."),
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  roles: z.array(z.enum(ROLES)).min(1, "Give the user at least one role.").optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, { message: "Choose a new password.", path: ["newPassword"] });

export const createTokenSchema = z.object({ name: z.string().trim().min(1, "Name the token.").max(80) });
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;
