import { db } from "@/lib/db";
import { enqueueEvent } from "@/server/notifications/mutations";
import { unique } from "@/tests/factories/catalog";

// Incidents written straight to the tables, for tests of what reads them (notifications, feeds). The
// incident workflow itself lives in server/incidents.

export async function createIncidentRow(input: {
  visibility?: "internal" | "published";
  componentIds?: string[];
  name?: string;
  impact?: "none" | "minor" | "major" | "critical";
}) {
  return db.incident.create({
    data: {
      name: input.name ?? unique("Incident"),
      impact: input.impact ?? "major",
      visibility: input.visibility ?? "published",
      publishedAt: input.visibility === "internal" ? null : new Date(),
      components: { create: (input.componentIds ?? []).map((componentId) => ({ componentId })) },
    },
  });
}

export async function addUpdateRow(
  incidentId: string,
  input: {
    body?: string;
    status?: "investigating" | "identified" | "monitoring" | "resolved";
    kind?: "public_update" | "internal_note";
    state?: "draft" | "published";
    deliverNotifications?: boolean;
    affected?: { componentId: string; oldStatus: "operational"; newStatus: "major_outage" | "partial_outage" }[];
    displayAt?: Date;
  } = {},
) {
  return db.incidentUpdate.create({
    data: {
      incidentId,
      body: input.body ?? unique("Update"),
      status: input.status ?? "investigating",
      kind: input.kind ?? "public_update",
      state: input.state ?? "published",
      publishedAt: (input.state ?? "published") === "published" ? new Date() : null,
      deliverNotifications: input.deliverNotifications ?? true,
      displayAt: input.displayAt ?? new Date(),
      affectedComponents: { create: input.affected ?? [] },
    },
  });
}

export async function announce(event: Parameters<typeof enqueueEvent>[1]) {
  await db.$transaction((tx) => enqueueEvent(tx, event));
}
