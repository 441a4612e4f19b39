import type { ComponentStatus } from "@/server/components/status";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";

// The messages subscribers receive, in Statuspage's webhook shape so existing consumers keep working:
// `meta` (per recipient), `page`, then `component_update` with `component`, or `incident` with its
// `incident_updates`. Staff messages are Slack-compatible (`text`). Pure.

export interface PageRef {
  id: string;
  status_indicator: string;
  status_description: string;
}

/** Statuspage API v2's component, public fields only. */
export interface ComponentV2 {
  id: string;
  page_id: string;
  group_id: string | null;
  name: string;
  description: string | null;
  status: ComponentStatus;
  position: number;
  showcase: boolean;
  only_show_if_degraded: boolean;
  start_date: string | null;
  group: boolean;
  created_at: string;
  updated_at: string;
}

export interface ComponentUpdateBody {
  page: PageRef;
  component_update: {
    id: string;
    component_id: string;
    created_at: string;
    old_status: ComponentStatus;
    new_status: ComponentStatus;
  };
  component: ComponentV2;
}

/** Incidents and maintenance both travel as Statuspage's `incident` object. */
export interface IncidentBody {
  page: PageRef;
  incident: Record<string, unknown> & { id: string; name: string; incident_updates: unknown[] };
}

export interface StaffBody {
  /** Slack's fallback text; also the staff email's body. */
  text: string;
  /** The staff email's subject. */
  title: string;
}

export type NotificationBody = ComponentUpdateBody | IncidentBody | StaffBody;

export interface Meta {
  unsubscribe: string;
  documentation: string;
}

/** The JSON a subscriber receives, keys in Statuspage's order (the stored copy does not keep order). */
export function webhookJson(body: NotificationBody, meta: Meta): string {
  if ("component_update" in body) {
    return JSON.stringify({ meta, page: body.page, component_update: body.component_update, component: body.component });
  }
  if ("incident" in body) return JSON.stringify({ meta, page: body.page, incident: body.incident });
  return JSON.stringify({ meta, ...body });
}

export function isStaffBody(body: NotificationBody): body is StaffBody {
  return "text" in body && "title" in body;
}

export function componentUpdateBody(input: {
  page: PageRef;
  component: ComponentV2;
  changeId: string;
  at: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
}): ComponentUpdateBody {
  return {
    page: input.page,
    component_update: {
      id: input.changeId,
      component_id: input.component.id,
      created_at: input.at,
      old_status: input.oldStatus,
      new_status: input.newStatus,
    },
    component: input.component,
  };
}

export function cadenceOverdueText(input: { incidentName: string; dueAt: string; commsLead: string | null; consoleUrl: string }): StaffBody {
  const lead = input.commsLead ?? "no comms lead assigned";
  return {
    title: `Public update overdue: ${input.incidentName}`,
    text: `:alarm_clock: A public update on "${input.incidentName}" was due at ${input.dueAt} (${lead}). ${input.consoleUrl}`,
  };
}

export function probeAlertText(input: { componentName: string; status: ComponentStatus; detail: string; consoleUrl: string }): StaffBody {
  const label = COMPONENT_STATUS_LABELS[input.status];
  return {
    title: `Probe alert: ${input.componentName} is ${label}`,
    text: `:rotating_light: ${input.componentName}: ${label}. ${input.detail} ${input.consoleUrl}`,
  };
}
