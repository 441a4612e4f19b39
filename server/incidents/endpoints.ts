import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import {
  assignIncidentSchema,
  createIncidentSchema,
  draftUpdateSchema,
  editIncidentSchema,
  editUpdateSchema,
  incidentListQuerySchema,
  incidentSummarySchema,
  incidentViewSchema,
  noteSchema,
  postmortemSchema,
  postUpdateSchema,
  publishUpdateSchema,
  templateSchema,
  templateViewSchema,
} from "@/server/incidents/schema";

// Staff API declarations for incidents and templates; implemented in app/api/admin/v1/incidents and
// app/api/admin/v1/incident-templates.
const tag = "Incidents";
const created = z.object({ id: z.string() });

export const listIncidentsEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/incidents",
  summary: "Incidents, internal ones included: open (soonest update due first), resolved, or the latest 100.",
  permission: "console.view",
  query: incidentListQuerySchema,
  response: z.array(incidentSummarySchema),
});

export const createIncidentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents",
  summary: "Open an internal incident. details becomes the first internal note; templateId starts a draft public update from a template.",
  permission: "incident.create",
  body: createIncidentSchema,
  response: created,
  status: 201,
});

export const getIncidentEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/incidents/{id}",
  summary: "One incident with every update, note and draft (newest first), revisions and postmortem.",
  permission: "console.view",
  response: incidentViewSchema,
});

export const editIncidentEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/incidents/{id}",
  summary: "Rename, set impact, update cadence (minutes; null for the default) or affected components.",
  permission: "incident.set_impact",
  body: editIncidentSchema,
  response: z.null(),
  status: 204,
});

export const assignIncidentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/assign",
  summary: "Name the commander (a responder) or comms lead (a communicator); userId null clears it.",
  permission: "incident.assign",
  body: assignIncidentSchema,
  response: z.null(),
  status: 204,
});

export const addNoteEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/notes",
  summary: "An internal note (never public, never sent to subscribers).",
  permission: "incident.note",
  body: noteSchema,
  response: created,
  status: 201,
});

export const draftUpdateEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/drafts",
  summary: "Draft a public update (with proposed component statuses) for a communicator to publish.",
  permission: "incident.draft_update",
  body: draftUpdateSchema,
  response: created,
  status: 201,
});

export const postUpdateEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/updates",
  summary: "Publish a new public update at once (publishes the incident with its first update). Resolving returns affected components to operational unless restoreComponents is false.",
  permission: "incident.publish",
  body: postUpdateSchema,
  response: created,
  status: 201,
});

export const editUpdateEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/incidents/{id}/updates/{updateId}",
  summary: "Edit a draft, or correct a published update (communicators only; the earlier text is kept as a revision).",
  permission: "incident.draft_update",
  body: editUpdateSchema,
  response: z.null(),
  status: 204,
});

export const discardDraftEndpoint = defineEndpoint({
  tag,
  method: "DELETE",
  path: "/incidents/{id}/updates/{updateId}",
  summary: "Discard a draft (409 for a published update: correct it instead).",
  permission: "incident.draft_update",
  response: z.null(),
  status: 204,
});

export const publishUpdateEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/updates/{updateId}/publish",
  summary: "Publish a draft, with optional last edits; the caller is recorded as approver.",
  permission: "incident.publish",
  body: publishUpdateSchema,
  response: z.null(),
  status: 204,
});

export const savePostmortemEndpoint = defineEndpoint({
  tag,
  method: "PUT",
  path: "/incidents/{id}/postmortem",
  summary: "Save the postmortem (Markdown) and replace its action items. Once published, communicators only.",
  permission: "incident.postmortem_edit",
  body: postmortemSchema,
  response: z.null(),
  status: 204,
});

export const publishPostmortemEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incidents/{id}/postmortem/publish",
  summary: "Publish the postmortem of a published, resolved incident.",
  permission: "incident.postmortem_publish",
  response: z.null(),
  status: 204,
});

export const listTemplatesEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/incident-templates",
  summary: "Incident and update templates.",
  permission: "console.view",
  response: z.array(templateViewSchema),
});

export const createTemplateEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/incident-templates",
  summary: "Add a template.",
  permission: "template.manage",
  body: templateSchema,
  response: created,
  status: 201,
});

export const updateTemplateEndpoint = defineEndpoint({
  tag,
  method: "PUT",
  path: "/incident-templates/{id}",
  summary: "Change a template.",
  permission: "template.manage",
  body: templateSchema,
  response: z.null(),
  status: 204,
});

export const deleteTemplateEndpoint = defineEndpoint({
  tag,
  method: "DELETE",
  path: "/incident-templates/{id}",
  summary: "Remove a template.",
  permission: "template.manage",
  response: z.null(),
  status: 204,
});

export const incidentEndpoints = [
  listIncidentsEndpoint,
  createIncidentEndpoint,
  getIncidentEndpoint,
  editIncidentEndpoint,
  assignIncidentEndpoint,
  addNoteEndpoint,
  draftUpdateEndpoint,
  postUpdateEndpoint,
  editUpdateEndpoint,
  discardDraftEndpoint,
  publishUpdateEndpoint,
  savePostmortemEndpoint,
  publishPostmortemEndpoint,
  listTemplatesEndpoint,
  createTemplateEndpoint,
  updateTemplateEndpoint,
  deleteTemplateEndpoint,
];
