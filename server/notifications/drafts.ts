import "server-only";
import { loadSnapshotSource } from "@/server/public/data";
import { buildSnapshot } from "@/server/public/snapshot";
import { v2Incident, v2Maintenance } from "@/server/public/statuspage-v2";
import type { PublicSnapshot } from "@/server/public/types";
import { getComponentForMessage, getIncidentForStaffMessage } from "@/server/notifications/data";
import type { OutboxEvent } from "@/server/notifications/events";
import { consoleUrl } from "@/server/notifications/links";
import {
  cadenceOverdueText,
  componentUpdateBody,
  probeAlertText,
  type ComponentV2,
  type NotificationBody,
  type PageRef,
} from "@/server/notifications/payloads";

// Turns an outbox event into what its recipients share: audience, channels, the message body and the
// components it concerns. Null means nobody should hear of it (for example an archived component).

export interface NotificationDraft {
  type: OutboxEvent["type"];
  audience: "public" | "staff";
  channels: ("webhook" | "email")[];
  /** Events about the same public update share it, so each recipient hears of the update once. */
  dedupeKey: string;
  body: NotificationBody;
  componentIds: string[];
  incidentId?: string;
  updateId?: string;
}

export interface PageContext {
  page: PageRef;
  pageName: string;
  pageUrl: string;
  /** What the public sees right now: messages about incidents and maintenance are built from it. */
  snapshot: PublicSnapshot;
}

/**
 * A fresh public snapshot, read now rather than taken from the web process's cache: the event being
 * dispatched committed a moment ago, and its message must include it. Only what is published is in a
 * snapshot, so an unpublished incident or a draft update cannot make it into a message.
 */
export async function getPageContext(now = new Date()): Promise<PageContext> {
  const snapshot = buildSnapshot(await loadSnapshotSource(now), now);
  return {
    page: { id: snapshot.page.id, status_indicator: snapshot.status.indicator, status_description: snapshot.status.description },
    pageName: snapshot.page.name,
    pageUrl: snapshot.page.url,
    snapshot,
  };
}

function toComponentV2(pageId: string, c: NonNullable<Awaited<ReturnType<typeof getComponentForMessage>>>): ComponentV2 {
  return {
    id: c.id,
    page_id: pageId,
    group_id: c.groupId,
    name: c.name,
    description: c.description,
    status: c.status,
    position: c.position,
    showcase: c.showcase,
    only_show_if_degraded: c.onlyShowIfDegraded,
    start_date: c.startDate ? c.startDate.toISOString().slice(0, 10) : null,
    group: false,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export async function buildDraft(eventId: bigint, event: OutboxEvent, ctx: PageContext): Promise<NotificationDraft | null> {
  switch (event.type) {
    case "component.status_changed": {
      const component = await getComponentForMessage(event.componentId);
      if (!component || component.archivedAt) return null;
      return {
        type: event.type,
        audience: "public",
        // Probe-driven status changes can be frequent: they go to webhooks, not to people's inboxes.
        channels: ["webhook"],
        dedupeKey: `component-change:${eventId}`,
        body: componentUpdateBody({
          page: ctx.page,
          component: toComponentV2(ctx.page.id, component),
          changeId: String(eventId),
          at: event.at,
          oldStatus: event.oldStatus,
          newStatus: event.newStatus,
        }),
        componentIds: [component.id],
      };
    }
    case "staff.cadence_overdue": {
      const [incident, lead] = await getIncidentForStaffMessage(event.incidentId, event.commsLeadId);
      if (!incident) return null;
      return staffDraft(event.type, eventId, cadenceOverdueText({
        incidentName: incident.name,
        dueAt: event.dueAt,
        commsLead: lead?.name ?? null,
        consoleUrl: consoleUrl(ctx.pageUrl, `/incidents/${incident.id}`),
      }));
    }
    case "staff.probe_alert": {
      const component = await getComponentForMessage(event.componentId);
      if (!component) return null;
      return staffDraft(event.type, eventId, probeAlertText({
        componentName: component.name,
        status: event.status,
        detail: event.detail,
        consoleUrl: consoleUrl(ctx.pageUrl, event.openIncidentPath ?? ""),
      }));
    }
    default:
      return buildIncidentDraft(eventId, event, ctx);
  }
}

function staffDraft(type: OutboxEvent["type"], eventId: bigint, body: NotificationBody): NotificationDraft {
  return { type, audience: "staff", channels: ["webhook", "email"], dedupeKey: `${type}:${eventId}`, body, componentIds: [] };
}

/** Incidents and maintenance, from the public snapshot through the Statuspage v2 mappers. */
function buildIncidentDraft(eventId: bigint, event: OutboxEvent, ctx: PageContext): NotificationDraft | null {
  const s = ctx.snapshot;
  if (event.type === "incident.published" || event.type === "incident.updated" || event.type === "incident.postmortem_published") {
    const incident = s.incidents.find((i) => i.id === event.incidentId);
    if (!incident) return null; // not published (any more)
    let dedupeKey = `postmortem:${incident.id}`;
    let componentIds = incident.componentIds;
    let updateId: string | undefined;
    if (event.type === "incident.postmortem_published") {
      if (!incident.postmortem) return null;
    } else {
      const update = incident.updates.find((u) => u.id === event.updateId);
      // A draft, an internal note or an update published with "do not notify" reaches nobody.
      if (!update || !update.deliverNotifications) return null;
      // One message per public update, whichever event (published or updated) announced it.
      dedupeKey = `incident-update:${update.id}`;
      componentIds = [...new Set([...incident.componentIds, ...update.affectedComponents.map((a) => a.componentId)])];
      updateId = update.id;
    }
    return {
      type: event.type,
      audience: "public",
      channels: ["webhook", "email"],
      dedupeKey,
      body: { page: ctx.page, incident: v2Incident(s, incident) },
      componentIds,
      incidentId: incident.id,
      updateId,
    };
  }
  if (event.type.startsWith("maintenance.") && "maintenanceId" in event) {
    const maintenance = s.maintenances.find((m) => m.id === event.maintenanceId);
    if (!maintenance) return null;
    return {
      type: event.type,
      audience: "public",
      channels: ["webhook", "email"],
      dedupeKey: `${event.type}:${eventId}`,
      body: { page: ctx.page, incident: v2Maintenance(s, maintenance) },
      componentIds: maintenance.componentIds,
    };
  }
  return null;
}
