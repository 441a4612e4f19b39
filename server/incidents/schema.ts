import { z } from "zod";
import { COMPONENT_STATUSES } from "@/server/components/status";

// Incidents as staff work them (console and staff API). Client-safe.

/** The statuses a public update moves an incident through (postmortem is derived, never posted). */
export const UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
export const INCIDENT_STATUSES = [...UPDATE_STATUSES, "postmortem"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

export const UPDATE_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};
export const IMPACT_LABELS: Record<Impact, string> = { none: "None", minor: "Minor", major: "Major", critical: "Critical" };

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
/** Markdown; public text is sanitized when rendered. */
const body = z.string().trim().min(1, "Write the text.").max(10_000, "Use at most 10,000 characters.");
const instant = z.iso.datetime({ offset: true, message: "Enter a date and time with its offset, e.g. 2026-11-26T06:00:00Z." }).transform((v) => new Date(v));
const cadence = z.number().int().min(5, "At least 5 minutes.").max(1440, "At most 24 hours.");

/** A component's status as a public update sets it. */
export const componentChangeSchema = z.object({ componentId: id, status: z.enum(COMPONENT_STATUSES) });
export type ComponentChange = z.infer<typeof componentChangeSchema>;

export const createIncidentSchema = z.object({
  name,
  impact: z.enum(IMPACTS).default("minor"),
  componentIds: z.array(id).max(200).default([]),
  /** The first internal note (what is known so far). Never public. */
  details: z.string().trim().max(10_000).optional(),
  /** Start the public side from this template: its text becomes the first draft update. */
  templateId: id.optional(),
});
export type CreateIncidentInput = z.input<typeof createIncidentSchema>;

export const editIncidentSchema = z
  .object({
    name,
    impact: z.enum(IMPACTS),
    /** Minutes between public updates; null returns to the default for the impact. */
    updateCadenceMinutes: cadence.nullable(),
    componentIds: z.array(id).max(200),
  })
  .partial();
export type EditIncidentInput = z.infer<typeof editIncidentSchema>;

export const assignIncidentSchema = z.object({
  /** commander: a responder who runs the response; comms_lead: the communicator who speaks to the public. */
  role: z.enum(["commander", "comms_lead"]),
  /** null clears the assignment. */
  userId: id.nullable(),
});
export type AssignIncidentInput = z.infer<typeof assignIncidentSchema>;

export const noteSchema = z.object({ body });
export type NoteInput = z.infer<typeof noteSchema>;

const updateFields = {
  body,
  status: z.enum(UPDATE_STATUSES),
  /** Shown as posted at this time; may lie in the past to back-fill a timeline (not in the future). */
  displayAt: instant.refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "An update cannot be dated in the future.").optional(),
  /** New statuses for components, applied when the update is published. */
  components: z.array(componentChangeSchema).max(200).default([]),
  /** Send it to subscribers when published. */
  deliverNotifications: z.boolean().default(true),
};

export const draftUpdateSchema = z.object(updateFields);
export type DraftUpdateInput = z.infer<typeof draftUpdateSchema>;

export const publishOptionsSchema = z.object({
  /**
   * Only for a resolving update: return the incident's components not named in `components` to
   * operational (the default). False leaves them as they are.
   */
  restoreComponents: z.boolean().default(true),
});

/** A communicator posts straight to the public. */
export const postUpdateSchema = draftUpdateSchema.extend(publishOptionsSchema.shape);
export type PostUpdateInput = z.infer<typeof postUpdateSchema>;

/** Edits to a draft (before or while publishing it) or a correction to a published update. */
export const editUpdateSchema = z.object({
  body: updateFields.body,
  status: updateFields.status,
  displayAt: updateFields.displayAt,
  components: z.array(componentChangeSchema).max(200),
  deliverNotifications: z.boolean(),
}).partial();
export type EditUpdateInput = z.infer<typeof editUpdateSchema>;

export const publishUpdateSchema = editUpdateSchema.extend(publishOptionsSchema.shape);
export type PublishUpdateInput = z.infer<typeof publishUpdateSchema>;

export const actionItemSchema = z.object({
  title: z.string().trim().min(1, "Name the action item.").max(500),
  /** internal: who owns it. */
  owner: z.string().trim().max(200).optional().transform((v) => v || null),
  done: z.boolean().default(false),
});
export const postmortemSchema = z.object({
  body: z.string().trim().max(50_000, "Use at most 50,000 characters."),
  /** Replaces the whole list, in order. */
  actionItems: z.array(actionItemSchema).max(100).default([]),
});
export type PostmortemInput = z.infer<typeof postmortemSchema>;

export const templateSchema = z.object({
  name: z.string().trim().min(1, "Name the template.").max(100),
  /** The incident name it suggests (empty: none). */
  incidentName: z.string().trim().max(200).default(""),
  status: z.enum(UPDATE_STATUSES).default("investigating"),
  impact: z.enum(IMPACTS).default("minor"),
  body,
});
export type TemplateInput = z.infer<typeof templateSchema>;

export const incidentListQuerySchema = z.object({
  /** open: not resolved; resolved: the latest 50 resolved. All (latest 100) when left out. */
  scope: z.enum(["open", "resolved"]).optional(),
});

// ── Views (staff API responses; the console reads the same shapes) ─────────────────────────────────

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const templateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  incidentName: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  body: z.string(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const incidentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  visibility: z.enum(["internal", "published"]),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** When the next public update is due (null while internal and once resolved). */
  nextUpdateDueAt: z.string().nullable(),
  commander: person,
  commsLead: person,
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const updateViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["public_update", "internal_note"]),
  state: z.enum(["draft", "published"]),
  status: z.enum(INCIDENT_STATUSES),
  body: z.string(),
  displayAt: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  deliverNotifications: z.boolean(),
  author: person,
  approver: person,
  components: z.array(z.object({ componentId: z.string(), name: z.string(), oldStatus: z.enum(COMPONENT_STATUSES), newStatus: z.enum(COMPONENT_STATUSES) })),
  /** Earlier versions of a published update, newest first: who changed it and what it said before. */
  revisions: z.array(z.object({ id: z.string(), body: z.string(), status: z.enum(INCIDENT_STATUSES), editor: person, createdAt: z.string() })),
});
export type UpdateView = z.infer<typeof updateViewSchema>;

export const incidentViewSchema = incidentSummarySchema.extend({
  publishedAt: z.string().nullable(),
  identifiedAt: z.string().nullable(),
  monitoringAt: z.string().nullable(),
  /** Minutes between public updates in force (the override, or the default for the impact). */
  cadenceMinutes: z.number(),
  cadenceOverride: z.number().nullable(),
  createdBy: person,
  components: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(COMPONENT_STATUSES) })),
  /** Every update, note and draft, newest first. */
  updates: z.array(updateViewSchema),
  postmortem: z.object({
    body: z.string(),
    publishedAt: z.string().nullable(),
    actionItems: z.array(z.object({ id: z.string(), title: z.string(), owner: z.string().nullable(), done: z.boolean() })),
  }),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;
