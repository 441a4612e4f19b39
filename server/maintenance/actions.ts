"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formAll, formFlag, formText } from "@/lib/form-data";
import { requireStaff } from "@/server/auth/session";
import {
  cancelMaintenance,
  editMaintenance,
  endMaintenance,
  extendMaintenance,
  postMaintenanceUpdate,
  scheduleMaintenance,
  startMaintenanceNow,
} from "@/server/maintenance/mutations";
import {
  editMaintenanceSchema,
  extendMaintenanceSchema,
  maintenanceMessageSchema,
  postMaintenanceUpdateSchema,
  scheduleMaintenanceSchema,
} from "@/server/maintenance/schema";
import { zonedLocalToUtc } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

// Console actions for maintenance windows (communicators: maintenance.manage). The console's date-time
// fields are wall-clock times in the page's time zone; they become instants here.

const LIST = "/console/maintenance";

async function instant(form: FormData, name: string): Promise<string | undefined> {
  const local = formText(form, name);
  if (!local) return undefined;
  const { timeZone } = await getPageSettings();
  return zonedLocalToUtc(local, timeZone)?.toISOString() ?? local;
}

function refresh(id?: string) {
  revalidatePath(LIST);
  if (id) revalidatePath(`${LIST}/${id}`);
}

async function windowForm(form: FormData) {
  return {
    name: formText(form, "name"),
    body: formText(form, "body"),
    scheduledFor: await instant(form, "scheduledFor"),
    scheduledUntil: await instant(form, "scheduledUntil"),
    componentIds: formAll(form, "componentIds"),
    autoStart: formFlag(form, "autoStart"),
    autoComplete: formFlag(form, "autoComplete"),
  };
}

export async function scheduleMaintenanceAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("maintenance.manage");
    const created = await scheduleMaintenance(actor, scheduleMaintenanceSchema.parse(await windowForm(form)));
    refresh();
    return created;
  });
}

export async function editMaintenanceAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("maintenance.manage");
    const input = await windowForm(form);
    // A window that has started shows only its wording: send only what the form had.
    const parsed = editMaintenanceSchema.parse(
      form.has("scheduledFor") ? input : { name: input.name, body: input.body },
    );
    await editMaintenance(actor, id, parsed);
    refresh(id);
    return null;
  });
}

export async function postMaintenanceUpdateAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("maintenance.manage");
    const status = formText(form, "status");
    const created = await postMaintenanceUpdate(actor, id, postMaintenanceUpdateSchema.parse({ body: formText(form, "body"), status: status || undefined }));
    refresh(id);
    return created;
  });
}

export async function extendMaintenanceAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("maintenance.manage");
    await extendMaintenance(actor, id, extendMaintenanceSchema.parse({ scheduledUntil: await instant(form, "scheduledUntil"), body: formText(form, "body") }));
    refresh(id);
    return null;
  });
}

/** Start now, end now or cancel, each with an optional public message. */
export async function changeMaintenanceStateAction(
  id: string,
  change: "start" | "end" | "cancel",
  _prev: unknown,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("maintenance.manage");
    const which = z.enum(["start", "end", "cancel"]).parse(change);
    const input = maintenanceMessageSchema.parse({ body: formText(form, "body") });
    if (which === "start") await startMaintenanceNow(actor, id, input);
    else if (which === "end") await endMaintenance(actor, id, input);
    else await cancelMaintenance(actor, id, input);
    refresh(id);
    return null;
  });
}
