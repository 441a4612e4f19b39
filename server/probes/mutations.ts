import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorUserId, type Actor } from "@/server/auth/actor";
import { hashToken } from "@/server/auth/tokens";
import { writeAudit } from "@/server/audit/mutations";
import { applyEffectiveStatus, endOverride } from "@/server/components/mutations";
import { ensureBuiltinLocation, refreshComponentFromProbes } from "@/server/probes/ingest/mutations";
import type { CreateProbeInput, OverrideInput } from "@/server/probes/schema";

// Staff writes: probes and locations (admins), status overrides (communicators). Each is one transaction
// with its audit row; a change to what probes a component has recomputes its status at once.

export const LOCATION_TOKEN_PREFIX = "spl_";
export const PUSH_TOKEN_PREFIX = "spp_";

const secret = (prefix: string) => prefix + randomBytes(32).toString("base64url");

async function assertComponent(tx: Tx, componentId: string): Promise<void> {
  const c = await tx.component.findUnique({ where: { id: componentId }, select: { archivedAt: true } });
  if (!c || c.archivedAt) throw new AppError("VALIDATION", "Choose an existing component.", { componentId: ["Choose an existing component."] });
}

/** The locations a probe runs from: push probes are received by the built-in location only. */
async function resolveLocations(tx: Tx, input: CreateProbeInput, builtinId: string): Promise<string[]> {
  if (input.kind === "push") return [builtinId];
  const ids = input.locationIds.length > 0 ? [...new Set(input.locationIds)] : [builtinId];
  const found = await tx.probeLocation.count({ where: { id: { in: ids }, archivedAt: null } });
  if (found !== ids.length) throw new AppError("VALIDATION", "Choose existing locations.", { locationIds: ["Choose existing locations."] });
  return ids;
}

const auditView = (input: CreateProbeInput, locationIds: string[]) => ({ ...input, locationIds });

/** Creates a probe. A push probe's secret URL token is returned once and only its hash is kept. */
export async function createProbe(actor: Actor, input: CreateProbeInput, now = new Date()): Promise<{ id: string; pushToken: string | null }> {
  const builtin = await ensureBuiltinLocation();
  return db.$transaction(async (tx) => {
    await assertComponent(tx, input.componentId);
    const locationIds = await resolveLocations(tx, input, builtin.id);
    const pushToken = input.kind === "push" ? secret(PUSH_TOKEN_PREFIX) : null;
    const { locationIds: _ids, ...fields } = input;
    const created = await tx.probe.create({
      data: { ...fields, config: fields.config, pushTokenHash: pushToken ? hashToken(pushToken) : null, assignments: { create: locationIds.map((locationId) => ({ locationId, healthSince: now })) } },
    });
    await writeAudit(tx, actor, { action: "probe.create", entityType: "probe", entityId: created.id, after: auditView(input, locationIds) });
    await refreshComponentFromProbes(tx, input.componentId, now);
    return { id: created.id, pushToken };
  });
}

export async function updateProbe(actor: Actor, id: string, input: CreateProbeInput, now = new Date()): Promise<void> {
  const builtin = await ensureBuiltinLocation();
  await db.$transaction(async (tx) => {
    const before = await tx.probe.findUnique({ where: { id }, include: { assignments: { select: { locationId: true } } } });
    if (!before) throw new AppError("NOT_FOUND", "Probe not found.");
    if (before.kind !== input.kind) throw new AppError("VALIDATION", "A probe's kind cannot change; create another probe.", { kind: ["A probe's kind cannot change."] });
    await assertComponent(tx, input.componentId);
    const locationIds = await resolveLocations(tx, input, builtin.id);
    const { locationIds: _ids, ...fields } = input;
    await tx.probe.update({ where: { id }, data: { ...fields, config: fields.config } });
    const had = before.assignments.map((a) => a.locationId);
    await tx.probeAssignment.deleteMany({ where: { probeId: id, locationId: { notIn: locationIds } } });
    const added = locationIds.filter((l) => !had.includes(l));
    if (added.length) await tx.probeAssignment.createMany({ data: added.map((locationId) => ({ probeId: id, locationId, healthSince: now })) });
    await writeAudit(tx, actor, {
      action: "probe.update",
      entityType: "probe",
      entityId: id,
      before: { name: before.name, componentId: before.componentId, intervalSeconds: before.intervalSeconds, timeoutMs: before.timeoutMs, config: before.config, enabled: before.enabled, locationIds: had },
      after: auditView(input, locationIds),
    });
    await refreshComponentFromProbes(tx, input.componentId, now);
    if (before.componentId !== input.componentId) await refreshComponentFromProbes(tx, before.componentId, now);
  });
}

/** Deletes a probe with its results and rollups; its component's status is recomputed without it. */
export async function deleteProbe(actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.probe.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "Probe not found.");
    await tx.probe.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "probe.delete", entityType: "probe", entityId: id, before: { name: before.name, componentId: before.componentId, kind: before.kind, config: before.config } });
    await refreshComponentFromProbes(tx, before.componentId, now);
  });
}

/** A new agent location. Its token is returned once; only the hash is kept. */
export async function createLocation(actor: Actor, input: { name: string }): Promise<{ id: string; token: string }> {
  return db.$transaction(async (tx) => {
    if (await tx.probeLocation.findUnique({ where: { name: input.name } })) {
      throw new AppError("VALIDATION", "A location with this name exists.", { name: ["A location with this name exists."] });
    }
    const token = secret(LOCATION_TOKEN_PREFIX);
    const created = await tx.probeLocation.create({ data: { name: input.name, tokenHash: hashToken(token), tokenPrefix: token.slice(0, LOCATION_TOKEN_PREFIX.length + 6) } });
    await writeAudit(tx, actor, { action: "probe_location.create", entityType: "probe_location", entityId: created.id, after: { name: input.name } });
    return { id: created.id, token };
  });
}

/** Replaces a location's token (the old one stops working at once). */
export async function rotateLocationToken(actor: Actor, id: string): Promise<{ token: string }> {
  return db.$transaction(async (tx) => {
    const before = await tx.probeLocation.findUnique({ where: { id } });
    if (!before || before.archivedAt) throw new AppError("NOT_FOUND", "Location not found.");
    if (before.builtin) throw new AppError("CONFLICT", "The built-in location has no token.");
    const token = secret(LOCATION_TOKEN_PREFIX);
    await tx.probeLocation.update({ where: { id }, data: { tokenHash: hashToken(token), tokenPrefix: token.slice(0, LOCATION_TOKEN_PREFIX.length + 6) } });
    await writeAudit(tx, actor, { action: "probe_location.rotate_token", entityType: "probe_location", entityId: id });
    return { token };
  });
}

/** Overrides a component's status until it expires or is lifted. The reason stays internal. */
export async function setStatusOverride(actor: Actor, componentId: string, input: OverrideInput, now = new Date()): Promise<void> {
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("VALIDATION", "The override must end in the future.", { expiresAt: ["The override must end in the future."] });
  }
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Component" WHERE id = ${componentId} FOR UPDATE`;
    const row = await tx.component.findUnique({
      where: { id: componentId },
      select: { status: true, statusBeforeOverride: true, overrideStatus: true, overrideReason: true, overrideExpiresAt: true, archivedAt: true },
    });
    if (!row || row.archivedAt) throw new AppError("NOT_FOUND", "Component not found.");
    const { status, statusBeforeOverride, archivedAt: _archived, ...before } = row;
    await tx.component.update({
      where: { id: componentId },
      data: {
        overrideStatus: input.status,
        overrideReason: input.reason,
        overrideExpiresAt: input.expiresAt,
        overrideSetAt: now,
        overrideById: actorUserId(actor),
        // Replacing an override keeps the status from before the first one.
        statusBeforeOverride: before.overrideStatus ? statusBeforeOverride : status,
      },
    });
    await writeAudit(tx, actor, { action: "component.override_status", entityType: "component", entityId: componentId, before, after: input });
    await applyEffectiveStatus(tx, componentId, now);
  });
}

export async function liftStatusOverride(actor: Actor, componentId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Component" WHERE id = ${componentId} FOR UPDATE`;
    const row = await tx.component.findUnique({ where: { id: componentId }, select: { statusBeforeOverride: true, overrideStatus: true, overrideReason: true, overrideExpiresAt: true } });
    if (!row) throw new AppError("NOT_FOUND", "Component not found.");
    if (!row.overrideStatus) return;
    const { statusBeforeOverride, ...before } = row;
    await endOverride(tx, componentId, statusBeforeOverride, now);
    await writeAudit(tx, actor, { action: "component.lift_override", entityType: "component", entityId: componentId, before });
  });
}

