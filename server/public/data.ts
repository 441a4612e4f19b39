import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { overallStatus } from "@/server/public/overall-status";
import type { PublicComponent, PublicGroup, PublicPage, PublicStatusView } from "@/server/public/types";

// Reads for the public side. Selects name only public columns, so internal fields never leave here.

export async function getPublicStatusView(): Promise<PublicStatusView> {
  const [page, groups, components, openIncidents] = await Promise.all([
    db.pageSettings.findUnique({ where: { id: "default" } }),
    db.componentGroup.findMany({
      where: { archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, description: true, position: true, createdAt: true, updatedAt: true },
    }),
    db.component.findMany({
      where: { archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        name: true,
        description: true,
        status: true,
        position: true,
        groupId: true,
        onlyShowIfDegraded: true,
        showcase: true,
        startDate: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.incident.findMany({
      where: { visibility: "published", resolvedAt: null },
      select: { impact: true },
    }),
  ]);
  if (!page) throw new AppError("NOT_FOUND", "The page has not been set up yet: run `npm run db:seed`.");

  const publicComponents: PublicComponent[] = components.map((c) => ({
    ...c,
    startDate: c.startDate ? c.startDate.toISOString().slice(0, 10) : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
  const publicGroups: PublicGroup[] = groups.map((g) => ({
    ...g,
    componentIds: publicComponents.filter((c) => c.groupId === g.id).map((c) => c.id),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  }));
  const publicPage: PublicPage = {
    id: page.id,
    name: page.name,
    url: page.url,
    timeZone: page.timeZone,
    description: page.description,
    logoUrl: page.logoUrl,
    brandColor: page.brandColor,
    footerLinks: Array.isArray(page.footerLinks) ? (page.footerLinks as PublicPage["footerLinks"]) : [],
    updatedAt: page.updatedAt.toISOString(),
  };
  return {
    page: publicPage,
    status: overallStatus({
      componentStatuses: publicComponents.map((c) => c.status),
      openIncidentImpacts: openIncidents.map((i) => i.impact),
    }),
    groups: publicGroups,
    components: publicComponents,
    confirmedAt: new Date().toISOString(),
  };
}
