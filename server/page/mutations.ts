import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { toPageSettingsView } from "@/server/page/data";
import type { PageSettingsInput } from "@/server/page/schema";
import { announcePublicChange } from "@/server/public/mutations";

/** Saves the page's settings (there is exactly one row, "default"), audited and announced to every instance. */
export async function updatePageSettings(actor: Actor, input: PageSettingsInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.pageSettings.findUnique({ where: { id: "default" } });
    const after = await tx.pageSettings.upsert({ where: { id: "default" }, create: { id: "default", ...input }, update: input });
    const [b, a] = [before ? toPageSettingsView(before) : null, toPageSettingsView(after)];
    if (b && JSON.stringify({ ...b, updatedAt: null }) === JSON.stringify({ ...a, updatedAt: null })) return;
    await writeAudit(tx, actor, { action: "page.update", entityType: "page", entityId: "default", before: b ?? undefined, after: a });
    await announcePublicChange(tx);
  });
}
