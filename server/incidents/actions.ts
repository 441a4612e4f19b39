"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formAll, formFlag, formText } from "@/lib/form-data";
import { can } from "@/server/auth/permissions";
import { requireStaff } from "@/server/auth/session";
import { addNote, assignIncident, createIncident, createTemplate, deleteTemplate, editIncident, updateTemplate } from "@/server/incidents/mutations";
import { publishPostmortem, savePostmortem } from "@/server/incidents/postmortem/mutations";
import {
  assignIncidentSchema,
  createIncidentSchema,
  draftUpdateSchema,
  editIncidentSchema,
  editUpdateSchema,
  noteSchema,
  postmortemSchema,
  postUpdateSchema,
  publishUpdateSchema,
  templateSchema,
} from "@/server/incidents/schema";
import { discardDraft, draftUpdate, editUpdate, postUpdate, publishUpdate } from "@/server/incidents/updates/mutations";
import { zonedLocalToUtc } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

// Console actions for incidents. Each checks the session and the permission first, then validates and
// calls the same mutation the staff API calls. Date-time fields are wall-clock times in the page's zone.

const LIST = "/console/incidents";

function refresh(id?: string) {
  revalidatePath("/console");
  revalidatePath(LIST);
  if (id) revalidatePath(`${LIST}/${id}`);
}

async function instant(form: FormData, name: string): Promise<string | undefined> {
  const local = formText(form, name);
  if (!local) return undefined;
  const { timeZone } = await getPageSettings();
  return zonedLocalToUtc(local, timeZone)?.toISOString() ?? local;
}

/** Per-component selects named "component:<id>"; an empty choice leaves the component alone. */
function componentChanges(form: FormData): { componentId: string; status: string }[] {
  const changes: { componentId: string; status: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("component:") && typeof value === "string" && value) changes.push({ componentId: key.slice("component:".length), status: value });
  }
  return changes;
}

async function updateForm(form: FormData) {
  return {
    body: formText(form, "body"),
    status: formText(form, "status"),
    displayAt: await instant(form, "displayAt"),
    components: componentChanges(form),
    deliverNotifications: formFlag(form, "deliverNotifications"),
    restoreComponents: formFlag(form, "restoreComponents"),
  };
}

export async function createIncidentAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => {
    const { actor } = await requireStaff("incident.create");
    const input = createIncidentSchema.parse({
      name: formText(form, "name"),
      impact: formText(form, "impact") || undefined,
      componentIds: formAll(form, "componentIds"),
      details: formText(form, "details"),
      templateId: formText(form, "templateId") || undefined,
    });
    const created = await createIncident(actor, input);
    refresh();
    return created;
  });
  if (result.ok) redirect(`${LIST}/${result.data.id}`);
  return result;
}

export async function editIncidentAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.set_impact");
    const cadence = formText(form, "updateCadenceMinutes");
    await editIncident(actor, id, editIncidentSchema.parse({ name: formText(form, "name"), impact: formText(form, "impact"), updateCadenceMinutes: cadence ? Number(cadence) : null }));
    refresh(id);
    return null;
  });
}

export async function setIncidentComponentsAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.set_components");
    await editIncident(actor, id, editIncidentSchema.parse({ componentIds: formAll(form, "componentIds") }));
    refresh(id);
    return null;
  });
}

export async function assignIncidentAction(id: string, role: "commander" | "comms_lead", _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.assign");
    await assignIncident(actor, id, assignIncidentSchema.parse({ role, userId: formText(form, "userId") || null }));
    refresh(id);
    return null;
  });
}

export async function addNoteAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.note");
    const created = await addNote(actor, id, noteSchema.parse({ body: formText(form, "body") }));
    refresh(id);
    return created;
  });
}

/** The new-update form: "save" drafts it (responders and communicators), "publish" posts it (communicators). */
export async function composeUpdateAction(id: string, prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return formText(form, "intent") === "publish" ? postUpdateAction(id, prev, form) : draftUpdateAction(id, prev, form);
}

export async function draftUpdateAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.draft_update");
    const created = await draftUpdate(actor, id, draftUpdateSchema.parse(await updateForm(form)));
    refresh(id);
    return created;
  });
}

export async function postUpdateAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.publish");
    const created = await postUpdate(actor, id, postUpdateSchema.parse(await updateForm(form)));
    refresh(id);
    return created;
  });
}

/**
 * A draft's form: "save" keeps it a draft and "discard" throws it away (drafters), "publish" publishes it
 * with these edits (communicators).
 */
export async function saveDraftAction(id: string, updateId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const intent = z.enum(["save", "publish", "discard"]).parse(formText(form, "intent") ?? "save");
    const { actor } = await requireStaff(intent === "publish" ? "incident.publish" : "incident.draft_update");
    const fields = await updateForm(form);
    if (intent === "discard") await discardDraft(actor, id, updateId);
    else if (intent === "publish") await publishUpdate(actor, id, updateId, publishUpdateSchema.parse(fields));
    else await editUpdate(actor, id, updateId, editUpdateSchema.parse(fields), { mayEditPublished: false });
    refresh(id);
    return null;
  });
}

/** Corrects a published update; its earlier text is kept as a revision. */
export async function editPublishedUpdateAction(id: string, updateId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.publish");
    await editUpdate(actor, id, updateId, editUpdateSchema.parse({ body: formText(form, "body"), status: formText(form, "status") }), { mayEditPublished: true });
    refresh(id);
    return null;
  });
}

export async function savePostmortemAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor, user } = await requireStaff("incident.postmortem_edit");
    let actionItems: unknown = [];
    try {
      actionItems = JSON.parse(formText(form, "actionItems") || "[]");
    } catch {
      actionItems = null; // zod reports it
    }
    await savePostmortem(actor, id, postmortemSchema.parse({ body: formText(form, "body") ?? "", actionItems }), {
      mayEditPublished: can(user.roles, "incident.postmortem_publish"),
    });
    refresh(id);
    return null;
  });
}

export async function publishPostmortemAction(id: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("incident.postmortem_publish");
    await publishPostmortem(actor, id);
    refresh(id);
    return null;
  });
}

function templateForm(form: FormData) {
  return templateSchema.parse({
    name: formText(form, "name"),
    incidentName: formText(form, "incidentName"),
    status: formText(form, "status"),
    impact: formText(form, "impact"),
    body: formText(form, "body"),
  });
}

export async function createTemplateAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("template.manage");
    const created = await createTemplate(actor, templateForm(form));
    revalidatePath(`${LIST}/templates`);
    return created;
  });
}

export async function updateTemplateAction(templateId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("template.manage");
    if (formText(form, "intent") === "delete") await deleteTemplate(actor, templateId);
    else await updateTemplate(actor, templateId, templateForm(form));
    revalidatePath(`${LIST}/templates`);
    return null;
  });
}
