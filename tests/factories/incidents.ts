import { db } from "@/lib/db";
import { unique } from "@/tests/factories/catalog";

type Status = "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";

/** An incident with the given updates, written directly (for read-side tests). */
export async function createIncident(
  options: {
    name?: string;
    visibility?: "internal" | "published";
    impact?: "none" | "minor" | "major" | "critical";
    resolved?: boolean;
    startedAt?: Date;
    componentIds?: string[];
    postmortem?: string;
    updates?: { kind?: "public_update" | "internal_note"; state?: "draft" | "published"; status?: Status; body: string; at?: Date }[];
  } = {},
) {
  const startedAt = options.startedAt ?? new Date();
  return db.incident.create({
    data: {
      name: options.name ?? unique("Incident"),
      visibility: options.visibility ?? "published",
      impact: options.impact ?? "minor",
      startedAt,
      publishedAt: options.visibility === "internal" ? null : startedAt,
      resolvedAt: options.resolved ? new Date() : null,
      postmortemBody: options.postmortem ?? null,
      postmortemPublishedAt: options.postmortem ? new Date() : null,
      components: { create: (options.componentIds ?? []).map((componentId) => ({ componentId })) },
      updates: {
        create: (options.updates ?? [{ body: "We are investigating." }]).map((u) => ({
          kind: u.kind ?? "public_update",
          state: u.state ?? "published",
          status: u.status ?? "investigating",
          body: u.body,
          displayAt: u.at ?? startedAt,
          publishedAt: (u.state ?? "published") === "published" ? (u.at ?? startedAt) : null,
        })),
      },
    },
  });
}

export async function createMaintenance(options: { name?: string; body?: string; visibility?: "internal" | "published"; startsInHours?: number; componentIds?: string[] } = {}) {
  const start = new Date(Date.now() + (options.startsInHours ?? 24) * 3_600_000);
  return db.maintenance.create({
    data: {
      name: options.name ?? unique("Maintenance"),
      body: options.body ?? "Planned work.",
      visibility: options.visibility ?? "published",
      scheduledFor: start,
      scheduledUntil: new Date(start.getTime() + 2 * 3_600_000),
      components: { create: (options.componentIds ?? []).map((componentId) => ({ componentId })) },
    },
  });
}
