import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// The reads behind the public snapshot: a handful of queries in one transaction, selecting only
// public columns, so internal fields never leave this file.

export const UPTIME_DAYS = 90;
/** How many published incidents and maintenances the snapshot keeps (newest first). */
export const INCIDENT_LIMIT = 1000;
export const MAINTENANCE_LIMIT = 500;

function uptimeSince(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - (UPTIME_DAYS - 1));
  return day;
}

export async function loadSnapshotSource(now: Date) {
  const [page, groups, components, uptime, incidents, maintenances] = await db.$transaction(
    [
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
      db.componentDailyUptime.findMany({
        where: { day: { gte: uptimeSince(now) }, component: { archivedAt: null } },
        select: {
          componentId: true,
          day: true,
          operationalMinutes: true,
          degradedMinutes: true,
          partialMinutes: true,
          majorMinutes: true,
          maintenanceMinutes: true,
          noDataMinutes: true,
        },
      }),
      db.incident.findMany({
        where: { visibility: "published" },
        orderBy: [{ startedAt: "desc" }, { id: "asc" }],
        take: INCIDENT_LIMIT,
        select: {
          id: true,
          name: true,
          status: true,
          impact: true,
          startedAt: true,
          createdAt: true,
          updatedAt: true,
          identifiedAt: true,
          monitoringAt: true,
          resolvedAt: true,
          postmortemBody: true,
          postmortemPublishedAt: true,
          // Titles and progress only: an action item's owner is internal.
          actionItems: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { title: true, done: true } },
          components: { select: { componentId: true } },
          updates: {
            where: { kind: "public_update", state: "published" },
            orderBy: [{ displayAt: "desc" }, { createdAt: "desc" }],
            select: {
              id: true,
              status: true,
              body: true,
              displayAt: true,
              createdAt: true,
              updatedAt: true,
              deliverNotifications: true,
              affectedComponents: {
                select: { componentId: true, oldStatus: true, newStatus: true, component: { select: { name: true } } },
              },
            },
          },
        },
      }),
      db.maintenance.findMany({
        // A cancelled window is stored as completed; the public must not read it as work that was done.
        where: { visibility: "published", cancelledAt: null },
        orderBy: [{ scheduledFor: "desc" }, { id: "asc" }],
        take: MAINTENANCE_LIMIT,
        select: {
          id: true,
          name: true,
          status: true,
          body: true,
          scheduledFor: true,
          scheduledUntil: true,
          startedAt: true,
          completedAt: true,
          createdAt: true,
          updatedAt: true,
          components: { select: { componentId: true } },
          updates: {
            orderBy: [{ displayAt: "desc" }, { createdAt: "desc" }],
            select: { id: true, status: true, body: true, displayAt: true, createdAt: true },
          },
        },
      }),
    ],
    // One consistent view on Postgres; the embedded database serves one query at a time anyway.
    env.isEmbedded ? undefined : { isolationLevel: "RepeatableRead" },
  );
  return { page, groups, components, uptime, incidents, maintenances };
}

export type SnapshotSource = Awaited<ReturnType<typeof loadSnapshotSource>>;
