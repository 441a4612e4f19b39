import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicStatusView } from "@/server/public/data";
import { createComponent, createGroup, ensurePage, unique } from "@/tests/factories/catalog";

describe("public status view", () => {
  beforeAll(async () => {
    await ensurePage({ name: "Integration Status" });
    // Test files share the run's database: start from a page where nothing else is listed.
    await db.component.updateMany({ where: { archivedAt: null }, data: { archivedAt: new Date() } });
    await db.incident.updateMany({ where: { resolvedAt: null }, data: { resolvedAt: new Date() } });
  });

  it("lists groups with their components, in position order, and the overall status", async () => {
    const group = await createGroup({ name: unique("Web") });
    const second = await createComponent({ groupId: group.id, position: 1, status: "partial_outage" });
    const first = await createComponent({ groupId: group.id, position: 0 });
    const view = await getPublicStatusView();
    const listed = view.groups.find((g) => g.id === group.id);
    expect(listed?.componentIds).toEqual([first.id, second.id]);
    expect(view.components.find((c) => c.id === second.id)?.status).toBe("partial_outage");
    expect(view.status).toEqual({ indicator: "minor", description: "Minor Service Outage" });
    await db.component.update({ where: { id: second.id }, data: { status: "operational" } });
  });

  it("never carries internal fields such as owners, contacts or runbooks", async () => {
    const marker = `INTERNAL-${unique("marker")}`;
    await createComponent({ ownerTeam: marker, contacts: marker, runbookUrl: `https://runbooks.test/${marker}` });
    const view = await getPublicStatusView();
    expect(JSON.stringify(view)).not.toContain(marker);
  });

  it("leaves archived components and groups out", async () => {
    const group = await createGroup();
    const component = await createComponent({ groupId: group.id });
    await db.component.update({ where: { id: component.id }, data: { archivedAt: new Date() } });
    await db.componentGroup.update({ where: { id: group.id }, data: { archivedAt: new Date() } });
    const view = await getPublicStatusView();
    expect(view.components.some((c) => c.id === component.id)).toBe(false);
    expect(view.groups.some((g) => g.id === group.id)).toBe(false);
  });
});
