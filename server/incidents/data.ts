import "server-only";
import { db, type Prisma } from "@/lib/db";
import { cadenceMinutes } from "@/server/incidents/rules";
import type { IncidentSummary, IncidentView, TemplateView } from "@/server/incidents/schema";

// Reads for the console and the staff API: everything staff may see, internal notes and drafts
// included. Never used by the public side (server/public/ has its own selects).

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const personSelect = { select: { id: true, name: true } } as const;

const summarySelect = {
  id: true,
  name: true,
  status: true,
  impact: true,
  visibility: true,
  startedAt: true,
  resolvedAt: true,
  nextUpdateDueAt: true,
  commander: personSelect,
  commsLead: personSelect,
} satisfies Prisma.IncidentSelect;

type SummaryRow = Prisma.IncidentGetPayload<{ select: typeof summarySelect }>;

function toSummary(i: SummaryRow): IncidentSummary {
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    impact: i.impact,
    visibility: i.visibility,
    startedAt: i.startedAt.toISOString(),
    resolvedAt: iso(i.resolvedAt),
    nextUpdateDueAt: iso(i.nextUpdateDueAt),
    commander: i.commander,
    commsLead: i.commsLead,
  };
}

/** Open incidents (internal ones too) with the soonest-due first, then the latest resolved. */
export async function listIncidents(scope?: "open" | "resolved"): Promise<IncidentSummary[]> {
  const where: Prisma.IncidentWhereInput = scope === "open" ? { resolvedAt: null } : scope === "resolved" ? { resolvedAt: { not: null } } : {};
  const rows = await db.incident.findMany({
    where,
    orderBy: scope === "open" ? [{ nextUpdateDueAt: { sort: "asc", nulls: "last" } }, { startedAt: "desc" }] : [{ startedAt: "desc" }],
    take: scope === "resolved" ? 50 : 100,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Published open incidents this user is comms lead of, with an update due (the console reminds them). */
export async function listDueForCommsLead(userId: string): Promise<IncidentSummary[]> {
  const rows = await db.incident.findMany({
    where: { commsLeadId: userId, visibility: "published", resolvedAt: null, nextUpdateDueAt: { not: null } },
    orderBy: { nextUpdateDueAt: "asc" },
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Incidents that may owe a cadence reminder now (the rule in rules.ts decides). */
export function listOverdueIncidents(now: Date) {
  return db.incident.findMany({
    where: { visibility: "published", resolvedAt: null, nextUpdateDueAt: { lte: now } },
    select: { id: true, visibility: true, nextUpdateDueAt: true, cadenceRemindedFor: true, commsLeadId: true },
  });
}

export async function getIncident(id: string): Promise<IncidentView | null> {
  const i = await db.incident.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      publishedAt: true,
      identifiedAt: true,
      monitoringAt: true,
      updateCadenceMinutes: true,
      postmortemBody: true,
      postmortemPublishedAt: true,
      createdBy: personSelect,
      components: { select: { component: { select: { id: true, name: true, status: true, position: true } } } },
      actionItems: { orderBy: { position: "asc" }, select: { id: true, title: true, owner: true, done: true } },
      updates: {
        orderBy: [{ displayAt: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          kind: true,
          state: true,
          status: true,
          body: true,
          displayAt: true,
          publishedAt: true,
          createdAt: true,
          deliverNotifications: true,
          author: personSelect,
          approver: personSelect,
          affectedComponents: { select: { componentId: true, oldStatus: true, newStatus: true, component: { select: { name: true } } } },
          revisions: { orderBy: { createdAt: "desc" }, select: { id: true, body: true, status: true, createdAt: true, editor: personSelect } },
        },
      },
    },
  });
  if (!i) return null;
  return {
    ...toSummary(i),
    publishedAt: iso(i.publishedAt),
    identifiedAt: iso(i.identifiedAt),
    monitoringAt: iso(i.monitoringAt),
    cadenceMinutes: cadenceMinutes(i.impact, i.updateCadenceMinutes),
    cadenceOverride: i.updateCadenceMinutes,
    createdBy: i.createdBy,
    components: i.components.map((c) => c.component).sort((a, b) => a.position - b.position).map(({ id, name, status }) => ({ id, name, status })),
    updates: i.updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      state: u.state,
      status: u.status,
      body: u.body,
      displayAt: u.displayAt.toISOString(),
      publishedAt: iso(u.publishedAt),
      createdAt: u.createdAt.toISOString(),
      deliverNotifications: u.deliverNotifications,
      author: u.author,
      approver: u.approver,
      components: u.affectedComponents.map((a) => ({ componentId: a.componentId, name: a.component.name, oldStatus: a.oldStatus, newStatus: a.newStatus })),
      revisions: u.revisions.map((r) => ({ id: r.id, body: r.body, status: r.status, editor: r.editor, createdAt: r.createdAt.toISOString() })),
    })),
    postmortem: { body: i.postmortemBody ?? "", publishedAt: iso(i.postmortemPublishedAt), actionItems: i.actionItems },
  };
}

export interface IncidentActivity {
  id: string;
  at: string;
  actor: string | null;
  action: string;
}

/** Who did what on an incident, from the audit log (newest first). */
export async function listIncidentActivity(id: string, take = 100): Promise<IncidentActivity[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType: "incident", entityId: id },
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, action: true, actorKind: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id.toString(), at: r.at.toISOString(), actor: r.actor?.name ?? (r.actorKind.startsWith("system") ? "automatic" : null), action: r.action }));
}

export async function listTemplates(): Promise<TemplateView[]> {
  const rows = await db.incidentTemplate.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] });
  return rows.map((t) => ({ id: t.id, name: t.name, incidentName: t.incidentName, status: t.status, impact: t.impact, body: t.body }));
}
