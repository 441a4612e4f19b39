"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formFlag, formText } from "@/lib/form-data";
import { requireStaff } from "@/server/auth/session";
import {
  archiveComponent,
  archiveGroup,
  createComponent,
  createGroup,
  moveComponent,
  moveGroup,
  restoreComponent,
  restoreGroup,
  updateComponent,
  updateGroup,
} from "@/server/components/admin/mutations";
import { createComponentSchema, createGroupSchema, moveSchema, updateComponentSchema, updateGroupSchema } from "@/server/components/admin/schema";

// Console actions for components and groups (admins: component.manage).

const PAGE = "/console/components";

function componentForm(form: FormData) {
  return {
    name: formText(form, "name"),
    description: formText(form, "description"),
    groupId: formText(form, "groupId"),
    onlyShowIfDegraded: formFlag(form, "onlyShowIfDegraded"),
    showcase: formFlag(form, "showcase"),
    startDate: formText(form, "startDate"),
    ownerTeam: formText(form, "ownerTeam"),
    contacts: formText(form, "contacts"),
    runbookUrl: formText(form, "runbookUrl"),
  };
}

export async function createComponentAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    const created = await createComponent(actor, createComponentSchema.parse(componentForm(form)));
    revalidatePath(PAGE);
    return created;
  });
}

export async function updateComponentAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    await updateComponent(actor, id, updateComponentSchema.parse(componentForm(form)));
    revalidatePath(PAGE);
    return null;
  });
}

export async function setComponentArchivedAction(id: string, archived: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    await (archived ? archiveComponent(actor, id) : restoreComponent(actor, id));
    revalidatePath(PAGE);
    return null;
  });
}

export async function moveComponentAction(id: string, direction: unknown): Promise<ActionResult<{ moved: boolean }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    const moved = await moveComponent(actor, id, moveSchema.parse({ direction }).direction);
    revalidatePath(PAGE);
    return { moved };
  });
}

export async function createGroupAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    const created = await createGroup(actor, createGroupSchema.parse({ name: formText(form, "name"), description: formText(form, "description") }));
    revalidatePath(PAGE);
    return created;
  });
}

export async function updateGroupAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    await updateGroup(actor, id, updateGroupSchema.parse({ name: formText(form, "name"), description: formText(form, "description") }));
    revalidatePath(PAGE);
    return null;
  });
}

export async function setGroupArchivedAction(id: string, archived: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    await (archived ? archiveGroup(actor, id) : restoreGroup(actor, id));
    revalidatePath(PAGE);
    return null;
  });
}

export async function moveGroupAction(id: string, direction: unknown): Promise<ActionResult<{ moved: boolean }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.manage");
    const moved = await moveGroup(actor, id, moveSchema.parse({ direction }).direction);
    revalidatePath(PAGE);
    return { moved };
  });
}
