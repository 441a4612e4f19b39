"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { findUserForSignIn } from "@/server/auth/data";
import { createApiToken, createUser, revokeApiToken, setPassword, updateUser } from "@/server/auth/mutations";
import { verifyPassword } from "@/server/auth/password";
import { assertMayRevokeToken } from "@/server/auth/rules";
import { changePasswordSchema, createTokenSchema, createUserSchema, updateUserSchema } from "@/server/auth/schema";
import { requireStaff } from "@/server/auth/session";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export async function createTokenAction(_prev: unknown, form: FormData): Promise<ActionResult<{ token: string }>> {
  return runAction(async () => {
    const { actor, user } = await requireStaff("token.manage_own");
    const input = createTokenSchema.parse({ name: field(form, "name") });
    const { token } = await createApiToken(actor, user.id, input);
    revalidatePath("/console/account");
    return { token };
  });
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  return runAction(async () => {
    const staff = await requireStaff("token.manage_own");
    await assertMayRevokeToken(staff, tokenId);
    await revokeApiToken(staff.actor, tokenId);
    revalidatePath("/console/account");
    return null;
  });
}

/** Changes your own password; every session (this one included) ends, so you sign in again. */
export async function changePasswordAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor, user } = await requireStaff("password.change_own");
    const input = changePasswordSchema.parse({ currentPassword: field(form, "currentPassword"), newPassword: field(form, "newPassword") });
    const account = await findUserForSignIn(user.email);
    if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new AppError("VALIDATION", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
    }
    await setPassword(actor, user.id, input.newPassword);
    return null;
  });
}

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("user.manage");
    const input = createUserSchema.parse({
      email: field(form, "email"),
      name: field(form, "name"),
      roles: form.getAll("roles"),
      password: field(form, "password") || undefined,
    });
    const created = await createUser(actor, input);
    revalidatePath("/console/users");
    return created;
  });
}

export async function updateUserAction(userId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { actor, user } = await requireStaff("user.manage");
    const parsed = updateUserSchema.parse(input);
    if (userId === user.id && (parsed.disabled || (parsed.roles && !parsed.roles.includes("admin")))) {
      throw new AppError("VALIDATION", "You cannot remove your own admin role or disable yourself.");
    }
    await updateUser(actor, userId, parsed);
    revalidatePath("/console/users");
    return null;
  });
}
