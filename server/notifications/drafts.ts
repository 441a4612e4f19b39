import "server-only";
import { getPublicStatusView } from "@/server/public/data";
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
}

export async function getPageContext(): Promise<PageContext> {
  const view = await getPublicStatusView();
  return {
    page: { id: view.page.id, status_indicator: view.status.indicator, status_description: view.status.description },
    pageName: view.page.name,
    pageUrl: view.page.url,
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
        consoleUrl: consoleUrl(ctx.pageUrl),
      }));
    }
    default:
      return buildIncidentDraft(eventId, event, ctx);
  }
}

function staffDraft(type: OutboxEvent["type"], eventId: bigint, body: NotificationBody): NotificationDraft {
  return { type, audience: "staff", channels: ["webhook", "email"], dedupeKey: `${type}:${eventId}`, body, componentIds: [] };
}

function buildIncidentDraft(_eventId: bigint, event: OutboxEvent, _ctx: PageContext): Promise<NotificationDraft | null> {
  return Promise.reject(new Error(`No message for ${event.type} yet: waiting for the public snapshot's v2 mappers.`));
}
