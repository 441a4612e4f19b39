import "server-only";
import { AppError } from "@/lib/errors";
import type { StaffContext } from "@/server/auth/session";
import { getTokenOwner } from "@/server/auth/data";
import { can } from "@/server/auth/permissions";

/** Revoking: your own tokens always; anyone's with token.manage_others (admins). */
export async function assertMayRevokeToken(staff: Pick<StaffContext, "user">, tokenId: string): Promise<void> {
  const owner = await getTokenOwner(tokenId);
  if (!owner) throw new AppError("NOT_FOUND", "Token not found.");
  if (owner.userId !== staff.user.id && !can(staff.user.roles, "token.manage_others")) {
    throw new AppError("FORBIDDEN", "You may only revoke your own tokens.");
  }
}
