import "server-only";
import type { Tx } from "@/lib/db";
import { PUBLIC_CHANGE_CHANNEL } from "@/server/public/channel";

/**
 * Tells every instance that public data changed, so each rebuilds its snapshot. NOTIFY inside a
 * transaction is delivered only when it commits, and not at all when it rolls back.
 */
export async function announcePublicChange(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${PUBLIC_CHANGE_CHANNEL}', '')`);
}
