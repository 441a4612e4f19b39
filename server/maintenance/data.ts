import "server-only";
import { db, type Prisma } from "@/lib/db";
import { nextDueAt } from "@/server/maintenance/rules";
import type { MaintenanceView } from "@/server/maintenance/schema";

// Reads of maintenance windows for the console and the staff API.

const include = {
  components: { include: { component: { select: { id: true, name: true } } } },
  updates: { orderBy: [{ displayAt: "desc" as const }, { createdAt: "desc" as const }], include: { author: { select: { name: true } } } },
  createdBy: { select: { name: true } },
} satisfies Prisma.MaintenanceInclude;

type Row = Prisma.MaintenanceGetPayload<{ include: typeof include }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(m: Row): MaintenanceView {
  return {
    id: m.id,
    name: m.name,
    body: m.body,
    status: m.status,
    cancelledAt: iso(m.cancelledAt),
    scheduledFor: m.scheduledFor.toISOString(),
    scheduledUntil: m.scheduledUntil.toISOString(),
    startedAt: iso(m.startedAt),
    completedAt: iso(m.completedAt),
    autoStart: m.autoStart,
    autoComplete: m.autoComplete,
    components: m.components.map((c) => c.component).sort((a, b) => a.name.localeCompare(b.name)),
    updates: m.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, displayAt: u.displayAt.toISOString(), author: u.author?.name ?? null })),
    createdBy: m.createdBy?.name ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function getMaintenance(id: string): Promise<MaintenanceView | null> {
  const m = await db.maintenance.findUnique({ where: { id }, include });
  return m ? toView(m) : null;
}

/** Windows by scope: running and upcoming soonest first, past ones most recent first (the last 50). */
export async function listMaintenances(scope?: "upcoming" | "active" | "past"): Promise<MaintenanceView[]> {
  const where: Prisma.MaintenanceWhereInput =
    scope === "upcoming"
      ? { status: "scheduled" }
      : scope === "active"
        ? { status: { in: ["in_progress", "verifying"] } }
        : scope === "past"
          ? { status: "completed" }
          : {};
  const rows = await db.maintenance.findMany({
    where,
    include,
    orderBy: scope === "past" ? { scheduledUntil: "desc" } : { scheduledFor: scope ? "asc" : "desc" },
    take: scope === "past" || !scope ? 50 : undefined,
  });
  return rows.map(toView);
}

/** Windows the scheduler may have to act on by `now` (due or overdue), oldest first. */
export async function listDueMaintenanceIds(now: Date): Promise<string[]> {
  const rows = await db.maintenance.findMany({
    where: {
      cancelledAt: null,
      OR: [
        { status: "scheduled", autoStart: true, scheduledFor: { lte: now } },
        { status: { in: ["in_progress", "verifying"] }, autoComplete: true, scheduledUntil: { lte: now } },
      ],
    },
    orderBy: { scheduledFor: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The next moment after `now` at which the scheduler has something to do, or null. */
export async function getNextMaintenanceDueAt(now: Date): Promise<Date | null> {
  const [nextStart, nextEnd] = await Promise.all([
    db.maintenance.findFirst({
      where: { cancelledAt: null, status: "scheduled", autoStart: true, scheduledFor: { gt: now } },
      orderBy: { scheduledFor: "asc" },
    }),
    db.maintenance.findFirst({
      where: { cancelledAt: null, status: { in: ["in_progress", "verifying"] }, autoComplete: true, scheduledUntil: { gt: now } },
      orderBy: { scheduledUntil: "asc" },
    }),
  ]);
  const times = [nextStart, nextEnd].flatMap((m) => (m ? [nextDueAt(m)] : [])).filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}
