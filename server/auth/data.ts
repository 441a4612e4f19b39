import "server-only";
import { db } from "@/lib/db";
import type { ApiTokenView, StaffUser } from "@/server/auth/schema";
import { hashToken } from "@/server/auth/tokens";

const userSelect = { id: true, email: true, name: true, roles: true, disabledAt: true, createdAt: true, sessionVersion: true } as const;

function toStaffUser(u: { id: string; email: string; name: string; roles: StaffUser["roles"]; disabledAt: Date | null; createdAt: Date }): StaffUser {
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() };
}

/** The user and password hash for a sign-in attempt (email already normalised). */
export function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

/** The current state of a staff user, read on every action so role changes take effect at once. */
export async function getStaffUser(id: string): Promise<(StaffUser & { sessionVersion: number }) | null> {
  const u = await db.user.findUnique({ where: { id }, select: userSelect });
  return u ? { ...toStaffUser(u), sessionVersion: u.sessionVersion } : null;
}

export async function getStaffUserByEmail(email: string): Promise<(StaffUser & { sessionVersion: number }) | null> {
  const u = await db.user.findUnique({ where: { email }, select: userSelect });
  return u ? { ...toStaffUser(u), sessionVersion: u.sessionVersion } : null;
}

export async function listStaffUsers(): Promise<StaffUser[]> {
  const users = await db.user.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }], select: userSelect });
  return users.map(toStaffUser);
}

/** Staff who hold a role, for pickers (commander, comms lead). */
export async function listUsersWithRole(role: StaffUser["roles"][number]): Promise<StaffUser[]> {
  const users = await db.user.findMany({ where: { roles: { has: role }, disabledAt: null }, orderBy: { name: "asc" }, select: userSelect });
  return users.map(toStaffUser);
}

/** The live token matching a presented bearer token, with its owner; null when unknown or revoked. */
export async function findActiveToken(token: string) {
  return db.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null },
    select: { id: true, userId: true },
  });
}

export async function listTokens(userId?: string): Promise<(ApiTokenView & { userId: string; userName: string })[]> {
  const tokens = await db.apiToken.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, createdAt: true, userId: true, user: { select: { name: true } } },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    userId: t.userId,
    userName: t.user.name,
  }));
}

export function getTokenOwner(tokenId: string) {
  return db.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true } });
}
