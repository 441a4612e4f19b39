import { afterAll, describe, expect, it, vi } from "vitest";
import * as cancelRoute from "@/app/api/admin/v1/maintenance/[id]/cancel/route";
import * as endRoute from "@/app/api/admin/v1/maintenance/[id]/end/route";
import * as extendRoute from "@/app/api/admin/v1/maintenance/[id]/extend/route";
import * as one from "@/app/api/admin/v1/maintenance/[id]/route";
import * as startRoute from "@/app/api/admin/v1/maintenance/[id]/start/route";
import * as updatesRoute from "@/app/api/admin/v1/maintenance/[id]/updates/route";
import * as list from "@/app/api/admin/v1/maintenance/route";
import { db } from "@/lib/db";
import type { Actor } from "@/server/auth/actor";
import { setComponentStatus } from "@/server/components/mutations";
import { getBoss, stopBoss } from "@/server/jobs/boss";
import {
  changeMaintenanceStateAction,
  editMaintenanceAction,
  extendMaintenanceAction,
  postMaintenanceUpdateAction,
  scheduleMaintenanceAction,
} from "@/server/maintenance/actions";
import { registerMaintenanceJobs } from "@/server/maintenance/jobs";
import {
  cancelMaintenance,
  editMaintenance,
  endMaintenance,
  extendMaintenance,
  postMaintenanceUpdate,
  runMaintenanceScheduler,
  scheduleMaintenance,
} from "@/server/maintenance/mutations";
import type { MaintenanceView } from "@/server/maintenance/schema";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { call } from "@/tests/support/route";
import { actAs, currentSession } from "@/tests/support/session";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-of-32-characters";
});
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: () => currentSession() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

afterAll(async () => {
  await stopBoss();
});

const HOUR = 3_600_000;
/** Each test lives in its own far-future year, so the scheduler runs of one never reach another's windows. */
const year = (y: number) => new Date(`${y}-06-01T10:00:00Z`);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const statusOf = async (id: string) => (await db.component.findUniqueOrThrow({ where: { id } })).status;
const windowOf = (id: string) => db.maintenance.findUniqueOrThrow({ where: { id } });
const events = async (maintenanceId: string) =>
  (await db.outboxEvent.findMany({ orderBy: { id: "asc" } })).filter((e) => (e.payload as { maintenanceId?: string }).maintenanceId === maintenanceId).map((e) => e.type);

async function communicator(): Promise<{ actor: Actor; token: string; id: string }> {
  const staff = await createStaff(["communicator"]);
  return { actor: { kind: "user", userId: staff.id }, token: staff.token, id: staff.id };
}

describe("maintenance windows", () => {
  it("start on time, hold their components under maintenance, and give back each one's own status", async () => {
    const { actor } = await communicator();
    const t0 = year(2031);
    const ok = await createComponent();
    const degraded = await createComponent({ status: "degraded_performance" });
    const { id } = await scheduleMaintenance(actor, { name: "Storage upgrade", body: "Faster disks.", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 3 * HOUR), componentIds: [ok.id, degraded.id], autoStart: true, autoComplete: true }, t0);
    expect((await windowOf(id)).status).toBe("scheduled");

    expect(await runMaintenanceScheduler(plus(t0, HOUR - 1000))).toMatchObject({ started: 0 });
    expect((await windowOf(id)).status).toBe("scheduled");

    await runMaintenanceScheduler(plus(t0, HOUR));
    expect(await windowOf(id)).toMatchObject({ status: "in_progress", startedAt: plus(t0, HOUR) });
    expect([await statusOf(ok.id), await statusOf(degraded.id)]).toEqual(["under_maintenance", "under_maintenance"]);
    const links = await db.maintenanceComponent.findMany({ where: { maintenanceId: id } });
    expect(Object.fromEntries(links.map((l) => [l.componentId, l.statusBefore]))).toEqual({ [ok.id]: "operational", [degraded.id]: "degraded_performance" });
    const history = await db.componentStatusChange.findFirstOrThrow({ where: { componentId: ok.id } });
    expect(history).toMatchObject({ newStatus: "under_maintenance", source: "maintenance" });

    await runMaintenanceScheduler(plus(t0, 3 * HOUR));
    expect(await windowOf(id)).toMatchObject({ status: "completed", completedAt: plus(t0, 3 * HOUR) });
    expect([await statusOf(ok.id), await statusOf(degraded.id)]).toEqual(["operational", "degraded_performance"]);
    expect(await events(id)).toEqual(["maintenance.scheduled", "maintenance.started", "maintenance.completed"]);
    const updates = await db.maintenanceUpdate.findMany({ where: { maintenanceId: id }, orderBy: { displayAt: "asc" } });
    expect(updates.map((u) => u.status)).toEqual(["scheduled", "in_progress", "completed"]);
    const audit = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([["maintenance.schedule", "user"], ["maintenance.start", "system:maintenance"], ["maintenance.complete", "system:maintenance"]]);
  });

  it("moves each window exactly once when several workers run the scheduler at the same moment", async () => {
    const { actor } = await communicator();
    const t0 = year(2032);
    const c = await createComponent();
    const { id } = await scheduleMaintenance(actor, { name: "Race", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 2 * HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0);
    const runs = await Promise.all([1, 2, 3].map(() => runMaintenanceScheduler(plus(t0, HOUR))));
    expect(runs.reduce((n, r) => n + r.started, 0)).toBe(1);
    expect(await db.maintenanceUpdate.count({ where: { maintenanceId: id, status: "in_progress" } })).toBe(1);
    expect(await db.componentStatusChange.count({ where: { componentId: c.id } })).toBe(1);
    // Running again (a retried job, a restarted worker) changes nothing.
    await runMaintenanceScheduler(plus(t0, HOUR + 1000));
    expect(await events(id)).toEqual(["maintenance.scheduled", "maintenance.started"]);
  });

  it("catches up after downtime: overdue windows start, and one missed entirely closes without touching components", async () => {
    const { actor } = await communicator();
    const t0 = year(2033);
    const a = await createComponent();
    const b = await createComponent();
    const late = await scheduleMaintenance(actor, { name: "Late", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 5 * HOUR), componentIds: [a.id], autoStart: true, autoComplete: true }, t0);
    const missed = await scheduleMaintenance(actor, { name: "Missed", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 2 * HOUR), componentIds: [b.id], autoStart: true, autoComplete: true }, t0);
    await runMaintenanceScheduler(plus(t0, 3 * HOUR));
    expect((await windowOf(late.id)).status).toBe("in_progress");
    expect(await statusOf(a.id)).toBe("under_maintenance");
    expect(await windowOf(missed.id)).toMatchObject({ status: "completed", startedAt: null });
    expect(await db.componentStatusChange.count({ where: { componentId: b.id } })).toBe(0);
  });

  it("can be extended, updated, and ended early; an extended window does not end at its old time", async () => {
    const { actor } = await communicator();
    const t0 = year(2034);
    const c = await createComponent({ status: "partial_outage" });
    const { id } = await scheduleMaintenance(actor, { name: "Extend me", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 2 * HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0);
    await runMaintenanceScheduler(plus(t0, HOUR));
    await extendMaintenance(actor, id, { scheduledUntil: plus(t0, 4 * HOUR), body: "Taking longer than planned." }, plus(t0, 90 * 60_000));
    await runMaintenanceScheduler(plus(t0, 2 * HOUR));
    expect((await windowOf(id)).status).toBe("in_progress");
    await postMaintenanceUpdate(actor, id, { body: "Checking everything works.", status: "verifying" }, plus(t0, 150 * 60_000));
    expect((await windowOf(id)).status).toBe("verifying");
    expect(await statusOf(c.id)).toBe("under_maintenance");
    await endMaintenance(actor, id, { body: "Done early." }, plus(t0, 3 * HOUR));
    expect(await windowOf(id)).toMatchObject({ status: "completed", completedAt: plus(t0, 3 * HOUR) });
    expect(await statusOf(c.id)).toBe("partial_outage");
    await expect(extendMaintenance(actor, id, { scheduledUntil: plus(t0, 6 * HOUR), body: undefined }, plus(t0, 3 * HOUR))).rejects.toMatchObject({ code: "CONFLICT" });
    const bodies = (await db.maintenanceUpdate.findMany({ where: { maintenanceId: id }, orderBy: { displayAt: "asc" } })).map((u) => u.body);
    expect(bodies).toEqual(expect.arrayContaining(["Taking longer than planned.", "Checking everything works.", "Done early."]));
    expect(await events(id)).toEqual(["maintenance.scheduled", "maintenance.started", "maintenance.updated", "maintenance.updated", "maintenance.completed"]);
  });

  it("leaves a status someone set during the window, and overlapping windows hand back the status from before both", async () => {
    const { actor } = await communicator();
    const t0 = year(2035);
    const shared = await createComponent({ status: "degraded_performance" });
    const changed = await createComponent();
    const first = await scheduleMaintenance(actor, { name: "First", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 3 * HOUR), componentIds: [shared.id, changed.id], autoStart: true, autoComplete: true }, t0);
    const second = await scheduleMaintenance(actor, { name: "Second", body: "", scheduledFor: plus(t0, 2 * HOUR), scheduledUntil: plus(t0, 4 * HOUR), componentIds: [shared.id], autoStart: true, autoComplete: true }, t0);
    await runMaintenanceScheduler(plus(t0, HOUR));
    await setComponentStatus(actor, { componentId: changed.id, status: "major_outage", source: "staff" });
    await runMaintenanceScheduler(plus(t0, 2 * HOUR));
    await runMaintenanceScheduler(plus(t0, 3 * HOUR));
    expect((await windowOf(first.id)).status).toBe("completed");
    expect(await statusOf(shared.id)).toBe("under_maintenance");
    expect(await statusOf(changed.id)).toBe("major_outage");
    await runMaintenanceScheduler(plus(t0, 4 * HOUR));
    expect((await windowOf(second.id)).status).toBe("completed");
    expect(await statusOf(shared.id)).toBe("degraded_performance");
  });

  it("cancels a window that has not started (kept on record), and refuses to reschedule a running one", async () => {
    const { actor } = await communicator();
    const t0 = year(2036);
    const c = await createComponent();
    const cancelled = await scheduleMaintenance(actor, { name: "Cancel me", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 2 * HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0);
    await cancelMaintenance(actor, cancelled.id, { body: undefined }, t0);
    expect(await windowOf(cancelled.id)).toMatchObject({ status: "completed", cancelledAt: t0 });
    await runMaintenanceScheduler(plus(t0, HOUR));
    expect(await statusOf(c.id)).toBe("operational");

    const running = await scheduleMaintenance(actor, { name: "Running", body: "", scheduledFor: plus(t0, HOUR), scheduledUntil: plus(t0, 2 * HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0);
    await editMaintenance(actor, running.id, { scheduledFor: plus(t0, 30 * 60_000) }, t0);
    await runMaintenanceScheduler(plus(t0, 30 * 60_000));
    expect((await windowOf(running.id)).status).toBe("in_progress");
    await expect(editMaintenance(actor, running.id, { scheduledFor: plus(t0, HOUR) }, plus(t0, 40 * 60_000))).rejects.toMatchObject({ code: "CONFLICT" });
    await editMaintenance(actor, running.id, { name: "Running, renamed" }, plus(t0, 40 * 60_000));
    expect((await windowOf(running.id)).name).toBe("Running, renamed");
    await expect(cancelMaintenance(actor, running.id, { body: undefined }, plus(t0, 40 * 60_000))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("starts at once when scheduled with a start in the past, and refuses windows that end before they start or in the past", async () => {
    const { actor } = await communicator();
    const t0 = year(2037);
    const c = await createComponent();
    const { id } = await scheduleMaintenance(actor, { name: "Now", body: "", scheduledFor: plus(t0, -60_000), scheduledUntil: plus(t0, HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0);
    expect((await windowOf(id)).status).toBe("in_progress");
    expect(await statusOf(c.id)).toBe("under_maintenance");
    await expect(scheduleMaintenance(actor, { name: "Past", body: "", scheduledFor: plus(t0, -2 * HOUR), scheduledUntil: plus(t0, -HOUR), componentIds: [c.id], autoStart: true, autoComplete: true }, t0)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("works through the staff API for communicators and refuses responders and admins", async () => {
    const { token } = await communicator();
    const c = await createComponent();
    const body = {
      name: "API window",
      body: "Through the API.",
      scheduledFor: new Date(Date.now() + 24 * HOUR).toISOString(),
      scheduledUntil: new Date(Date.now() + 26 * HOUR).toISOString(),
      componentIds: [c.id],
    };
    const created = await call(list.POST, { method: "POST", token, body });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const view = (await call(one.GET, { token, params: { id } })).json as MaintenanceView;
    expect(view).toMatchObject({ name: "API window", status: "scheduled", autoStart: true, components: [{ id: c.id, name: c.name }] });
    const upcoming = (await call(list.GET, { token, path: "/api/admin/v1/maintenance?scope=upcoming" })).json as MaintenanceView[];
    expect(upcoming.some((m) => m.id === id)).toBe(true);
    expect((await call(list.POST, { method: "POST", token, body: { ...body, scheduledUntil: body.scheduledFor } })).status).toBe(422);
    expect((await call(list.POST, { method: "POST", token, body: { ...body, componentIds: [] } })).status).toBe(422);
    expect((await call(endRoute.POST, { method: "POST", token, params: { id }, body: {} })).status).toBe(409);
    expect((await call(updatesRoute.POST, { method: "POST", token, params: { id }, body: { body: "Reminder: tomorrow." } })).status).toBe(201);
    expect((await call(list.GET, { token })).status).toBe(200);

    for (const role of ["responder", "admin"] as const) {
      const other = await createStaff([role]);
      const attempts = await Promise.all([
        call(list.GET, { token: other.token }),
        call(list.POST, { method: "POST", token: other.token, body }),
        call(one.PATCH, { method: "PATCH", token: other.token, params: { id }, body: { name: "Nope" } }),
        call(updatesRoute.POST, { method: "POST", token: other.token, params: { id }, body: { body: "Nope" } }),
        call(extendRoute.POST, { method: "POST", token: other.token, params: { id }, body: { scheduledUntil: body.scheduledUntil } }),
        call(endRoute.POST, { method: "POST", token: other.token, params: { id }, body: {} }),
        call(startRoute.POST, { method: "POST", token: other.token, params: { id }, body: {} }),
        call(cancelRoute.POST, { method: "POST", token: other.token, params: { id }, body: {} }),
        call(one.GET, { token: other.token, params: { id } }),
      ]);
      expect(attempts.map((r) => r.status)).toEqual(Array(attempts.length).fill(403));
    }
    expect((await windowOf(id)).status).toBe("scheduled");
    expect((await call(startRoute.POST, { method: "POST", token, params: { id }, body: { body: "Starting early." } })).status).toBe(204);
    expect((await windowOf(id)).status).toBe("in_progress");
    expect((await call(cancelRoute.POST, { method: "POST", token, params: { id }, body: {} })).status).toBe(409);
    expect((await call(endRoute.POST, { method: "POST", token, params: { id }, body: {} })).status).toBe(204);
    expect(await statusOf(c.id)).toBe("operational");
  });

  it("runs the console actions for a communicator and refuses them to an admin", async () => {
    await ensurePage({ timeZone: "America/New_York" });
    const c = await createComponent();
    const form = new FormData();
    form.set("name", "Console window");
    form.set("body", "From the console.");
    form.set("scheduledFor", "2038-01-10T09:00");
    form.set("scheduledUntil", "2038-01-10T11:00");
    form.append("componentIds", c.id);
    form.set("autoStart", "on");
    form.set("autoComplete", "on");
    const admin = await createStaff(["admin"]);
    actAs(admin.id);
    expect(await scheduleMaintenanceAction(null, form)).toMatchObject({ ok: false, status: 403 });
    const comms = await createStaff(["communicator"]);
    actAs(comms.id);
    const created = await scheduleMaintenanceAction(null, form);
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    // The form's wall-clock times are read in the page's time zone.
    expect(await windowOf(id)).toMatchObject({ scheduledFor: new Date("2038-01-10T14:00:00Z"), scheduledUntil: new Date("2038-01-10T16:00:00Z") });

    const update = new FormData();
    update.set("body", "Still on for tomorrow.");
    actAs(admin.id);
    expect(await postMaintenanceUpdateAction(id, null, update)).toMatchObject({ ok: false, status: 403 });
    const extend = new FormData();
    extend.set("scheduledUntil", "2038-01-10T12:00");
    for (const refused of [
      await changeMaintenanceStateAction(id, "cancel", null, new FormData()),
      await changeMaintenanceStateAction(id, "start", null, new FormData()),
      await changeMaintenanceStateAction(id, "end", null, new FormData()),
      await editMaintenanceAction(id, null, update),
      await extendMaintenanceAction(id, null, extend),
    ]) {
      expect(refused).toMatchObject({ ok: false, status: 403 });
    }
    const responder = await createStaff(["responder"]);
    actAs(responder.id);
    expect(await scheduleMaintenanceAction(null, form)).toMatchObject({ ok: false, status: 403 });
    expect(await postMaintenanceUpdateAction(id, null, update)).toMatchObject({ ok: false, status: 403 });
    expect((await windowOf(id)).status).toBe("scheduled");
    actAs(comms.id);
    expect(await extendMaintenanceAction(id, null, extend)).toEqual({ ok: true, data: null });
    expect((await windowOf(id)).scheduledUntil).toEqual(new Date("2038-01-10T17:00:00Z"));
    expect((await postMaintenanceUpdateAction(id, null, update)).ok).toBe(true);
    expect(await changeMaintenanceStateAction(id, "cancel", null, new FormData())).toEqual({ ok: true, data: null });
    expect((await windowOf(id)).cancelledAt).not.toBeNull();
    actAs(null);
  });

  it("is started and completed by the queued job on its own, on time", async () => {
    const boss = await getBoss();
    await registerMaintenanceJobs(boss);
    const { actor } = await communicator();
    const c = await createComponent();
    const now = Date.now();
    const { id } = await scheduleMaintenance(actor, { name: "Job", body: "", scheduledFor: new Date(now + 2_000), scheduledUntil: new Date(now + 5_000), componentIds: [c.id], autoStart: true, autoComplete: true });
    const waitFor = async (status: string) => {
      for (let i = 0; i < 100 && (await windowOf(id)).status !== status; i++) await new Promise((r) => setTimeout(r, 200));
      return windowOf(id);
    };
    const started = await waitFor("in_progress");
    expect(started.status).toBe("in_progress");
    expect(await statusOf(c.id)).toBe("under_maintenance");
    const completed = await waitFor("completed");
    expect(completed.status).toBe("completed");
    expect(await statusOf(c.id)).toBe("operational");
  });
});
