import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { getStaffUser } from "@/server/auth/data";
import { authOptions } from "@/server/auth/options";
import { can, type Permission } from "@/server/auth/permissions";
import type { StaffUser } from "@/server/auth/schema";

export interface StaffContext {
  user: StaffUser;
  actor: Actor;
}

/**
 * The signed-in staff member, re-read from the database on every call: a removed role, a disabled
 * account or a password change (which bumps sessionVersion) takes effect on the very next action.
 */
export async function getStaffContext(): Promise<StaffContext | null> {
  const session = await getServerSession(authOptions());
  if (!session?.userId) return null;
  const user = await getStaffUser(session.userId);
  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  const { sessionVersion: _version, ...staff } = user;
  return { user: staff, actor: { kind: "user", userId: user.id } };
}

/** For server actions: throws 401 when not signed in, 403 when the roles do not allow the permission. */
export async function requireStaff(permission: Permission = "console.view"): Promise<StaffContext> {
  const context = await getStaffContext();
  if (!context) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!can(context.user.roles, permission)) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
  return context;
}

/** For console pages: sends strangers to sign in and answers 403 to the wrong role. */
export async function requireStaffPage(permission: Permission = "console.view", returnTo = "/console"): Promise<StaffContext> {
  const context = await getStaffContext();
  if (!context) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(context.user.roles, permission)) forbidden();
  return context;
}
