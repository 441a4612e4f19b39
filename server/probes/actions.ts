"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { formAll, formFlag, formText } from "@/lib/form-data";
import { requireStaff } from "@/server/auth/session";
import { getRunnableProbe } from "@/server/probes/data";
import { createLocation, createProbe, deleteProbe, liftStatusOverride, rotateLocationToken, setStatusOverride, updateProbe } from "@/server/probes/mutations";
import { runCheck } from "@/server/probes/runner/check";
import { createLocationSchema, createProbeSchema, overrideSchema, type CheckResult } from "@/server/probes/schema";
import { AppError } from "@/lib/errors";

// Console actions: probes and locations (admins: probe.manage), status overrides (communicators).

const PAGE = "/console/probes";

/** "Name: value" per line. */
function parseHeaders(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (text ?? "").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

const num = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : Number(v));

function probeForm(form: FormData) {
  const kind = formText(form, "kind");
  const jsonPath = formText(form, "jsonPathPath")?.trim();
  const config =
    kind === "http"
      ? {
          url: formText(form, "url")?.trim(),
          method: formText(form, "method") || "GET",
          headers: parseHeaders(formText(form, "headers")),
          body: formText(form, "body"),
          expectedStatus: (formText(form, "expectedStatus") ?? "").split(/[\s,]+/).filter(Boolean).map(Number),
          bodyContains: formText(form, "bodyContains"),
          jsonPath: jsonPath ? { path: jsonPath, op: formText(form, "jsonPathOp") || "equals", value: formText(form, "jsonPathValue") ?? "" } : null,
          followRedirects: formFlag(form, "followRedirects"),
          certExpiryWarnDays: num(formText(form, "certExpiryWarnDays")) ?? null,
        }
      : kind === "tcp"
        ? { host: formText(form, "host")?.trim(), port: num(formText(form, "port")) }
        : {};
  return {
    kind,
    componentId: formText(form, "componentId"),
    name: formText(form, "name"),
    intervalSeconds: formText(form, "intervalSeconds"),
    timeoutMs: formText(form, "timeoutMs"),
    degradedThresholdMs: num(formText(form, "degradedThresholdMs")) ?? null,
    failThreshold: formText(form, "failThreshold") || undefined,
    recoverThreshold: formText(form, "recoverThreshold") || undefined,
    locationIds: formAll(form, "locationIds"),
    enabled: formFlag(form, "enabled"),
    config,
  };
}

export async function createProbeAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; pushToken: string | null }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("probe.manage");
    const created = await createProbe(actor, createProbeSchema.parse(probeForm(form)));
    revalidatePath(PAGE);
    return created;
  });
}

export async function updateProbeAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("probe.manage");
    await updateProbe(actor, id, createProbeSchema.parse(probeForm(form)));
    revalidatePath(PAGE);
    return null;
  });
}

export async function deleteProbeAction(id: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("probe.manage");
    await deleteProbe(actor, id);
    revalidatePath(PAGE);
    return null;
  });
}

/** Runs a probe once from this server and shows the result; nothing is stored. */
export async function runProbeOnceAction(id: string): Promise<ActionResult<CheckResult>> {
  return runAction(async () => {
    await requireStaff("probe.manage");
    const probe = await getRunnableProbe(id);
    if (!probe) throw new AppError("CONFLICT", "Only HTTP and TCP probes can be run on demand.");
    return runCheck(probe);
  });
}

export async function createLocationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; token: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("probe.manage");
    const created = await createLocation(actor, createLocationSchema.parse({ name: formText(form, "name") }));
    revalidatePath(PAGE);
    return created;
  });
}

export async function rotateLocationTokenAction(id: string): Promise<ActionResult<{ token: string }>> {
  return runAction(async () => {
    const { actor } = await requireStaff("probe.manage");
    const rotated = await rotateLocationToken(actor, id);
    revalidatePath(PAGE);
    return rotated;
  });
}

/** The form sends the expiry as local date-time plus the browser's offset in minutes. */
function expiryFrom(form: FormData): string | null {
  const local = formText(form, "expiresAt")?.trim();
  if (!local) return null;
  const offset = Number(formText(form, "tzOffset") ?? "0");
  const utc = Date.parse(`${local}:00Z`) + (Number.isFinite(offset) ? offset : 0) * 60_000;
  return Number.isNaN(utc) ? local : new Date(utc).toISOString();
}

export async function setOverrideAction(componentId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.override_status");
    await setStatusOverride(actor, componentId, overrideSchema.parse({ status: formText(form, "status"), reason: formText(form, "reason"), expiresAt: expiryFrom(form) }));
    revalidatePath("/console/status");
    return null;
  });
}

export async function liftOverrideAction(componentId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireStaff("component.override_status");
    await liftStatusOverride(actor, componentId);
    revalidatePath("/console/status");
    return null;
  });
}
