import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/mutations";
import { toAdminComponent, toAdminGroup } from "@/server/components/admin/data";
import { moveOneStep, positionChanges } from "@/server/components/admin/order";
import type {
  AdminComponent,
  CreateComponentInput,
  CreateGroupInput,
  MoveDirection,
  UpdateComponentInput,
  UpdateGroupInput,
} from "@/server/components/admin/schema";
import { announcePublicChange } from "@/server/public/mutations";

// Admin writes to components and groups: each one transaction with its audit row, announcing a public
// change whenever something the public page shows changed (names, order, grouping, archiving). Nothing
// is ever deleted: archiving keeps a component's history and only takes it off the public page.

/** Fields that never reach the public page: changing only these needs no public rebuild. */
const INTERNAL_FIELDS = new Set<keyof AdminComponent>(["ownerTeam", "contacts", "runbookUrl", "updatedAt"]);

const order = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/** Serialises reorders, so two admins moving rows at once cannot interleave their position writes. */
async function lockOrder(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('status-page.catalog-order'))`;
}

async function assertGroupUsable(tx: Tx, groupId: string | null | undefined): Promise<void> {
  if (!groupId) return;
  const group = await tx.componentGroup.findUnique({ where: { id: groupId }, select: { archivedAt: true } });
  if (!group || group.archivedAt) {
    throw new AppError("VALIDATION", "Choose an existing group.", { groupId: ["Choose an existing group."] });
  }
}

async function nextComponentPosition(tx: Tx, groupId: string | null): Promise<number> {
  const last = await tx.component.findFirst({ where: { groupId, archivedAt: null }, orderBy: { position: "desc" }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

async function nextGroupPosition(tx: Tx): Promise<number> {
  const last = await tx.componentGroup.findFirst({ where: { archivedAt: null }, orderBy: { position: "desc" }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

const startDateValue = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`));

export async function createComponent(actor: Actor, input: CreateComponentInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx);
    await assertGroupUsable(tx, input.groupId);
    const groupId = input.groupId ?? null;
    const created = await tx.component.create({
      data: { ...input, groupId, startDate: startDateValue(input.startDate), position: await nextComponentPosition(tx, groupId) },
    });
    await writeAudit(tx, actor, { action: "component.create", entityType: "component", entityId: created.id, after: toAdminComponent(created) });
    await announcePublicChange(tx);
    return { id: created.id };
  });
}

export async function updateComponent(actor: Actor, id: string, input: UpdateComponentInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrder(tx);
    const before = await tx.component.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Component not found.");
    const movingGroup = input.groupId !== undefined && input.groupId !== before.groupId;
    if (movingGroup) await assertGroupUsable(tx, input.groupId);
    const after = await tx.component.update({
      where: { id },
      data: {
        ...input,
        startDate: startDateValue(input.startDate),
        // A component moving to another group goes to the end of it.
        position: movingGroup && !before.archivedAt ? await nextComponentPosition(tx, input.groupId ?? null) : undefined,
      },
    });
    const [b, a] = [toAdminComponent(before), toAdminComponent(after)];
    const changed = (Object.keys(a) as (keyof AdminComponent)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (changed.length === 0 || (changed.length === 1 && changed[0] === "updatedAt")) return;
    await writeAudit(tx, actor, { action: "component.update", entityType: "component", entityId: id, before: b, after: a });
    if (changed.some((k) => !INTERNAL_FIELDS.has(k))) await announcePublicChange(tx);
  });
}

/** Takes a component off the public page, keeping its history; archived components cannot be picked for new work. */
export async function archiveComponent(actor: Actor, id: string): Promise<void> {
  await setComponentArchived(actor, id, true);
}

/** Brings an archived component back, at the end of its group (or ungrouped if its group is archived). */
export async function restoreComponent(actor: Actor, id: string): Promise<void> {
  await setComponentArchived(actor, id, false);
}

async function setComponentArchived(actor: Actor, id: string, archive: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrder(tx);
    const before = await tx.component.findUnique({ where: { id }, include: { group: { select: { archivedAt: true } } } });
    if (!before) throw new AppError("NOT_FOUND", "Component not found.");
    if ((before.archivedAt !== null) === archive) return;
    const groupId = !archive && before.group?.archivedAt ? null : before.groupId;
    const after = await tx.component.update({
      where: { id },
      data: archive ? { archivedAt: new Date() } : { archivedAt: null, groupId, position: await nextComponentPosition(tx, groupId) },
    });
    await writeAudit(tx, actor, {
      action: archive ? "component.archive" : "component.restore",
      entityType: "component",
      entityId: id,
      before: toAdminComponent(before),
      after: toAdminComponent(after),
    });
    await announcePublicChange(tx);
  });
}

/** Moves a component one place up or down within its group. False when it is already at that end. */
export async function moveComponent(actor: Actor, id: string, direction: MoveDirection): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx);
    const target = await tx.component.findUnique({ where: { id }, select: { groupId: true, archivedAt: true } });
    if (!target) throw new AppError("NOT_FOUND", "Component not found.");
    if (target.archivedAt) throw new AppError("CONFLICT", "Restore the component before moving it.");
    const siblings = await tx.component.findMany({ where: { groupId: target.groupId, archivedAt: null }, orderBy: order, select: { id: true, position: true } });
    const ids = moveOneStep(siblings.map((s) => s.id), id, direction);
    if (!ids) return false;
    const changes = positionChanges(ids, new Map(siblings.map((s) => [s.id, s.position])));
    for (const c of changes) await tx.component.update({ where: { id: c.id }, data: { position: c.position } });
    await writeAudit(tx, actor, {
      action: "component.reorder",
      entityType: "component",
      entityId: id,
      before: { groupId: target.groupId, order: siblings.map((s) => s.id) },
      after: { groupId: target.groupId, order: ids },
    });
    await announcePublicChange(tx);
    return true;
  });
}

export async function createGroup(actor: Actor, input: CreateGroupInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx);
    const created = await tx.componentGroup.create({ data: { ...input, position: await nextGroupPosition(tx) } });
    await writeAudit(tx, actor, { action: "group.create", entityType: "component_group", entityId: created.id, after: toAdminGroup(created) });
    await announcePublicChange(tx);
    return { id: created.id };
  });
}

export async function updateGroup(actor: Actor, id: string, input: UpdateGroupInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.componentGroup.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Group not found.");
    const after = await tx.componentGroup.update({ where: { id }, data: input });
    if (after.name === before.name && after.description === before.description) return;
    await writeAudit(tx, actor, { action: "group.update", entityType: "component_group", entityId: id, before: toAdminGroup(before), after: toAdminGroup(after) });
    await announcePublicChange(tx);
  });
}

/** Archives an empty group. A group with live components is refused: move or archive them first. */
export async function archiveGroup(actor: Actor, id: string): Promise<void> {
  await setGroupArchived(actor, id, true);
}

export async function restoreGroup(actor: Actor, id: string): Promise<void> {
  await setGroupArchived(actor, id, false);
}

async function setGroupArchived(actor: Actor, id: string, archive: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrder(tx);
    const before = await tx.componentGroup.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Group not found.");
    if ((before.archivedAt !== null) === archive) return;
    if (archive && (await tx.component.count({ where: { groupId: id, archivedAt: null } })) > 0) {
      throw new AppError("CONFLICT", "This group still has components: move or archive them first.");
    }
    const after = await tx.componentGroup.update({
      where: { id },
      data: archive ? { archivedAt: new Date() } : { archivedAt: null, position: await nextGroupPosition(tx) },
    });
    await writeAudit(tx, actor, {
      action: archive ? "group.archive" : "group.restore",
      entityType: "component_group",
      entityId: id,
      before: toAdminGroup(before),
      after: toAdminGroup(after),
    });
    await announcePublicChange(tx);
  });
}

/** Moves a group one place up or down. False when it is already at that end. */
export async function moveGroup(actor: Actor, id: string, direction: MoveDirection): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx);
    const target = await tx.componentGroup.findUnique({ where: { id }, select: { archivedAt: true } });
    if (!target) throw new AppError("NOT_FOUND", "Group not found.");
    if (target.archivedAt) throw new AppError("CONFLICT", "Restore the group before moving it.");
    const groups = await tx.componentGroup.findMany({ where: { archivedAt: null }, orderBy: order, select: { id: true, position: true } });
    const ids = moveOneStep(groups.map((g) => g.id), id, direction);
    if (!ids) return false;
    for (const c of positionChanges(ids, new Map(groups.map((g) => [g.id, g.position])))) {
      await tx.componentGroup.update({ where: { id: c.id }, data: { position: c.position } });
    }
    await writeAudit(tx, actor, {
      action: "group.reorder",
      entityType: "component_group",
      entityId: id,
      before: { order: groups.map((g) => g.id) },
      after: { order: ids },
    });
    await announcePublicChange(tx);
    return true;
  });
}
