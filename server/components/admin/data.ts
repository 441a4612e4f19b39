import "server-only";
import { db } from "@/lib/db";
import type { AdminComponent, AdminGroup, Catalog } from "@/server/components/admin/schema";

// Reads for the console's components page and the staff API: every field, internal ones included,
// archived rows included. Never used by the public side (server/public/ has its own selects).

type ComponentRow = Awaited<ReturnType<typeof db.component.findMany>>[number];
type GroupRow = Awaited<ReturnType<typeof db.componentGroup.findMany>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAdminComponent(c: ComponentRow): AdminComponent {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    groupId: c.groupId,
    position: c.position,
    status: c.status,
    onlyShowIfDegraded: c.onlyShowIfDegraded,
    showcase: c.showcase,
    startDate: c.startDate ? c.startDate.toISOString().slice(0, 10) : null,
    ownerTeam: c.ownerTeam,
    contacts: c.contacts,
    runbookUrl: c.runbookUrl,
    archivedAt: iso(c.archivedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toAdminGroup(g: GroupRow): AdminGroup {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    position: g.position,
    archivedAt: iso(g.archivedAt),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

/** Every group and component in display order, archived ones included. */
export async function getCatalog(): Promise<Catalog> {
  const order = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const [groups, components] = await Promise.all([db.componentGroup.findMany({ orderBy: order }), db.component.findMany({ orderBy: order })]);
  return { groups: groups.map(toAdminGroup), components: components.map(toAdminComponent) };
}

export async function getAdminComponent(id: string): Promise<AdminComponent | null> {
  const c = await db.component.findUnique({ where: { id } });
  return c ? toAdminComponent(c) : null;
}

export async function getAdminGroup(id: string): Promise<AdminGroup | null> {
  const g = await db.componentGroup.findUnique({ where: { id } });
  return g ? toAdminGroup(g) : null;
}

/** Components that may be picked for new work (maintenance windows, incidents): not archived. */
export async function listActiveComponents(): Promise<{ id: string; name: string; groupName: string | null }[]> {
  const rows = await db.component.findMany({
    where: { archivedAt: null },
    orderBy: [{ group: { position: "asc" } }, { position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, group: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, groupName: r.group?.name ?? null }));
}
