import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ComponentStatus } from "@/server/components/status";

// Factories mint unique data so tests never collide with each other or with seed data.

export const unique = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

/** The page as tests expect it (other files may have changed its settings): default URL unless given. */
export async function ensurePage(overrides: { name?: string; timeZone?: string; url?: string } = {}) {
  const url = overrides.url ?? "http://localhost:3000";
  return db.pageSettings.upsert({
    where: { id: "default" },
    create: { name: overrides.name ?? "Test Status", url, timeZone: overrides.timeZone ?? "UTC" },
    update: { ...overrides, url },
  });
}

export async function createGroup(overrides: { name?: string; position?: number } = {}) {
  return db.componentGroup.create({ data: { name: overrides.name ?? unique("Group"), position: overrides.position ?? 0 } });
}

export async function createComponent(
  overrides: {
    name?: string;
    groupId?: string | null;
    status?: ComponentStatus;
    position?: number;
    ownerTeam?: string;
    contacts?: string;
    runbookUrl?: string;
  } = {},
) {
  return db.component.create({
    data: {
      name: overrides.name ?? unique("Component"),
      groupId: overrides.groupId ?? null,
      status: overrides.status ?? "operational",
      position: overrides.position ?? 0,
      ownerTeam: overrides.ownerTeam,
      contacts: overrides.contacts,
      runbookUrl: overrides.runbookUrl,
    },
  });
}
