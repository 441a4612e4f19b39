import "server-only";
import { db } from "@/lib/db";
import type { FooterLink, PageSettingsView } from "@/server/page/schema";

type Row = NonNullable<Awaited<ReturnType<typeof db.pageSettings.findUnique>>>;

export function toPageSettingsView(row: Row): PageSettingsView {
  return {
    name: row.name,
    url: row.url,
    timeZone: row.timeZone,
    description: row.description,
    logoUrl: row.logoUrl,
    brandColor: row.brandColor,
    footerLinks: Array.isArray(row.footerLinks) ? (row.footerLinks as unknown as FooterLink[]) : [],
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The settings as stored; before the first save, the defaults a new installation starts with. */
export async function getPageSettings(): Promise<PageSettingsView> {
  const row = await db.pageSettings.findUnique({ where: { id: "default" } });
  if (row) return toPageSettingsView(row);
  return { name: "Status", url: "http://localhost:3000", timeZone: "UTC", description: null, logoUrl: null, brandColor: "#2563eb", footerLinks: [], updatedAt: null };
}
