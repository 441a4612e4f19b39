import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agentProbes from "@/app/api/agent/v1/probes/route";
import * as agentResults from "@/app/api/agent/v1/results/route";
import * as overrideRoute from "@/app/api/admin/v1/components/[id]/override/route";
import * as locationsRoute from "@/app/api/admin/v1/locations/route";
import * as openapi from "@/app/api/admin/v1/openapi.json/route";
import * as probeRoute from "@/app/api/admin/v1/probes/[id]/route";
import * as runRoute from "@/app/api/admin/v1/probes/[id]/run/route";
import * as probesRoute from "@/app/api/admin/v1/probes/route";
import * as pushRoute from "@/app/api/push/[token]/route";
import { db } from "@/lib/db";
import { createComponent, ensurePage } from "@/tests/factories/catalog";
import { createStaff } from "@/tests/factories/staff";
import { startProbeTarget, type ProbeTarget } from "@/tests/support/probe-target";
import { call } from "@/tests/support/route";

// The staff API for probes, locations and overrides (with the wrong roles refused), the agent API and push URLs.

let target: ProbeTarget;
beforeAll(async () => {
  await ensurePage();
  target = await startProbeTarget();
});
afterAll(() => target.close());

const httpBody = (componentId: string, url: string) => ({
  kind: "http",
  componentId,
  name: "homepage",
  intervalSeconds: 30,
  timeoutMs: 2000,
  locationIds: [],
  config: { url },
});

describe("probes through the staff API", () => {
  it("lets an admin add, run, read and delete a probe, and refuses responders and communicators", async () => {
    const [admin, responder, communicator] = await Promise.all([createStaff(["admin"]), createStaff(["responder"]), createStaff(["communicator"])]);
    const component = await createComponent();
    for (const who of [responder, communicator]) {
      expect((await call(probesRoute.POST, { method: "POST", token: who.token, body: httpBody(component.id, target.url("/a")) })).status).toBe(403);
      expect((await call(probesRoute.GET, { token: who.token })).status).toBe(403);
      expect((await call(locationsRoute.POST, { method: "POST", token: who.token, body: { name: "nope" } })).status).toBe(403);
    }
    expect((await call(probesRoute.POST, { method: "POST", token: admin.token, body: { ...httpBody(component.id, "ftp://x"), intervalSeconds: 1 } })).status).toBe(422);
    const created = await call(probesRoute.POST, { method: "POST", token: admin.token, body: httpBody(component.id, target.url("/a")) });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    expect((await call(runRoute.POST, { method: "POST", token: responder.token, params: { id } })).status).toBe(403);
    const run = await call(runRoute.POST, { method: "POST", token: admin.token, params: { id } });
    expect(run).toMatchObject({ status: 200, json: { outcome: "up", statusCode: 200 } });
    expect(await db.probeResult.count({ where: { probeId: id } })).toBe(0);
    const read = await call(probeRoute.GET, { token: admin.token, params: { id } });
    expect(read.json).toMatchObject({ id, componentId: component.id, locations: [{ health: "unknown" }] });
    expect((await call(probeRoute.DELETE, { method: "DELETE", token: admin.token, params: { id } })).status).toBe(204);
    expect(await db.auditLog.count({ where: { entityId: id } })).toBe(2);
    const doc = (await openapi.GET(new Request("http://localhost/api/admin/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/probes", "/probes/{id}/run", "/locations", "/components/{id}/override"]));
  });

  it("lets communicators override a status and refuses admins and responders", async () => {
    const [admin, responder, communicator] = await Promise.all([createStaff(["admin"]), createStaff(["responder"]), createStaff(["communicator"])]);
    const component = await createComponent();
    const body = { status: "partial_outage", reason: "Upstream provider says so", expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
    for (const who of [admin, responder]) expect((await call(overrideRoute.PUT, { method: "PUT", token: who.token, body, params: { id: component.id } })).status).toBe(403);
    expect((await call(overrideRoute.PUT, { method: "PUT", token: communicator.token, body: { ...body, expiresAt: "2001-01-01T00:00:00Z" }, params: { id: component.id } })).status).toBe(422);
    expect((await call(overrideRoute.PUT, { method: "PUT", token: communicator.token, body, params: { id: component.id } })).status).toBe(204);
    expect(await db.component.findUniqueOrThrow({ where: { id: component.id } })).toMatchObject({ status: "partial_outage", overrideReason: body.reason });
    expect((await call(overrideRoute.DELETE, { method: "DELETE", token: communicator.token, params: { id: component.id } })).status).toBe(204);
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).overrideStatus).toBeNull();
  });
});

describe("the agent API and push URLs", () => {
  it("authenticates agents by location token, hands out their probes and takes results once", async () => {
    const admin = await createStaff(["admin"]);
    const component = await createComponent();
    const loc = await call(locationsRoute.POST, { method: "POST", token: admin.token, body: { name: `site-${Date.now().toString(36)}` } });
    const { id: locationId, token } = loc.json as { id: string; token: string };
    const created = await call(probesRoute.POST, { method: "POST", token: admin.token, body: { ...httpBody(component.id, target.url("/b")), locationIds: [locationId] } });
    const { id: probeId } = created.json as { id: string };
    expect((await call(agentProbes.GET, {})).status).toBe(401);
    expect((await call(agentProbes.GET, { token: "spl_wrong" })).status).toBe(401);
    expect((await call(agentProbes.GET, { token: admin.token })).status).toBe(401);
    const list = await call(agentProbes.GET, { token });
    expect(list.json).toMatchObject({ probes: [{ id: probeId, kind: "http" }] });
    const result = { id: crypto.randomUUID(), probeId, at: new Date().toISOString(), outcome: "up", latencyMs: 12, statusCode: 200, error: null };
    expect((await call(agentResults.POST, { method: "POST", token, body: { results: [result] } })).json).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await call(agentResults.POST, { method: "POST", token, body: { results: [result] } })).json).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await call(agentResults.POST, { method: "POST", token, body: { results: [{ ...result, id: "not-a-uuid" }] } })).status).toBe(422);
    expect((await db.component.findUniqueOrThrow({ where: { id: component.id } })).statusSource).toBe("probe");
  });

  it("records a heartbeat on a push URL and refuses unknown ones", async () => {
    const admin = await createStaff(["admin"]);
    const component = await createComponent();
    const created = await call(probesRoute.POST, { method: "POST", token: admin.token, body: { kind: "push", componentId: component.id, name: "backup", intervalSeconds: 3600, timeoutMs: 60000 } });
    const { id, pushToken } = created.json as { id: string; pushToken: string };
    const push = pushRoute.GET as unknown as Parameters<typeof call>[0];
    expect((await call(push, { path: `/api/push/${pushToken}`, params: { token: pushToken } })).json).toMatchObject({ ok: true, recorded: true });
    expect((await call(push, { path: "/api/push/spp_unknownunknownunknown", params: { token: "spp_unknownunknownunknown" } })).status).toBe(404);
    expect(await db.probeResult.count({ where: { probeId: id, outcome: "up" } })).toBe(1);
  });
});
