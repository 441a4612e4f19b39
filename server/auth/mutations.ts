import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { hashPassword } from "@/server/auth/password";
import type { CreateTokenInput, CreateUserInput, UpdateUserInput } from "@/server/auth/schema";
import { generateToken } from "@/server/auth/tokens";

const publicUser = (u: { id: string; email: string; name: string; roles: string[]; disabledAt: Date | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  disabled: u.disabledAt !== null,
});

export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, roles: input.roles, passwordHash } });
    await writeAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: publicUser(user) });
    return { id: user.id };
  });
}

/** Changes name, roles or disabled state. Losing a role or being disabled signs the user out everywhere. */
export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "User not found.");
    const lostRole = input.roles ? before.roles.some((r) => !input.roles?.includes(r)) : false;
    const disabling = input.disabled === true && before.disabledAt === null;
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        roles: input.roles,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? new Date()) : null,
        sessionVersion: lostRole || disabling ? { increment: 1 } : undefined,
      },
    });
    await writeAudit(tx, actor, { action: "user.update", entityType: "user", entityId: userId, before: publicUser(before), after: publicUser(after) });
  });
}

/** Sets a new password and signs the user out everywhere (every existing session becomes invalid). */
export async function setPassword(actor: Actor, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, { action: "user.set_password", entityType: "user", entityId: userId });
  });
}

/** Creates a token for a user; the returned token is the only time it exists in clear. */
export async function createApiToken(actor: Actor, userId: string, input: CreateTokenInput): Promise<{ id: string; token: string }> {
  const { token, hash, prefix } = generateToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, name: input.name, tokenHash: hash, prefix } });
    await writeAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: { userId, name: input.name, prefix } });
    return { id: row.id, token };
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw new AppError("NOT_FOUND", "Token not found.");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: tokenId, before: { revokedAt: null } });
  });
}

/** Records use of a token, at most once a minute per token so API traffic does not become write traffic. */
export async function touchApiToken(tokenId: string): Promise<void> {
  const cutoff = new Date(Date.now() - 60_000);
  await db.apiToken.updateMany({ where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] }, data: { lastUsedAt: new Date() } });
}
