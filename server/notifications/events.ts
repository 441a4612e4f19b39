import type { ComponentStatus } from "@/server/components/status";

// Events a write leaves in the outbox for delivery (webhooks, email, staff alerts). Only public
// happenings are events for subscribers; staff-only ones are marked as such.
export type OutboxEvent =
  | {
      type: "component.status_changed";
      componentId: string;
      oldStatus: ComponentStatus;
      newStatus: ComponentStatus;
      source: "staff" | "probe" | "maintenance";
      at: string;
    }
  | { type: "incident.published"; incidentId: string; updateId: string }
  | { type: "incident.updated"; incidentId: string; updateId: string }
  | { type: "incident.postmortem_published"; incidentId: string }
  | { type: "maintenance.scheduled" | "maintenance.started" | "maintenance.completed" | "maintenance.updated"; maintenanceId: string }
  | { type: "staff.cadence_overdue"; incidentId: string; commsLeadId: string | null; dueAt: string }
  | {
      type: "staff.probe_alert";
      componentId: string;
      status: ComponentStatus;
      detail: string;
      /** The one-click "open incident" link under /console, pre-filled with the component and failing checks. */
      openIncidentPath?: string;
    };

export type OutboxEventType = OutboxEvent["type"];
