import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { checkResultSchema, createLocationSchema, createProbeSchema, locationViewSchema, overrideSchema, probeViewSchema } from "@/server/probes/schema";

// Staff API declarations for probes, locations and status overrides; implemented in
// app/api/admin/v1/probes, app/api/admin/v1/locations and app/api/admin/v1/components/{id}/override.
const tag = "Probes";
const permission = "probe.manage";

export const listProbesEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/probes",
  summary: "Every probe with its health at each location.",
  permission,
  query: z.object({ componentId: z.string().optional() }),
  response: z.array(probeViewSchema),
});

export const createProbeEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/probes",
  summary: "Add an HTTP, TCP or push probe. A push probe's secret token is in the answer, once: call /api/push/{pushToken}.",
  permission,
  body: createProbeSchema,
  response: z.object({ id: z.string(), pushToken: z.string().nullable() }),
  status: 201,
});

export const getProbeEndpoint = defineEndpoint({ tag, method: "GET", path: "/probes/{id}", summary: "One probe.", permission, response: probeViewSchema });

export const updateProbeEndpoint = defineEndpoint({
  tag,
  method: "PUT",
  path: "/probes/{id}",
  summary: "Replace a probe's settings (its kind cannot change).",
  permission,
  body: createProbeSchema,
  response: z.null(),
  status: 204,
});

export const deleteProbeEndpoint = defineEndpoint({
  tag,
  method: "DELETE",
  path: "/probes/{id}",
  summary: "Delete a probe with its results; its component's status is recomputed without it.",
  permission,
  response: z.null(),
  status: 204,
});

export const runProbeEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/probes/{id}/run",
  summary: "Run an HTTP or TCP probe once from this server and return the result (nothing is stored).",
  permission,
  response: checkResultSchema,
});

export const listLocationsEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/locations",
  summary: "Probe locations, with whether each reported lately (stale ones count neither up nor down).",
  permission,
  response: z.array(locationViewSchema),
});

export const createLocationEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/locations",
  summary: "Add an agent location. Its token is in the answer, once.",
  permission,
  body: createLocationSchema,
  response: z.object({ id: z.string(), token: z.string() }),
  status: 201,
});

export const setOverrideEndpoint = defineEndpoint({
  tag: "Components",
  method: "PUT",
  path: "/components/{id}/override",
  summary: "Override a component's status (wins over maintenance and probes) until expiresAt or until lifted. The reason is never public.",
  permission: "component.override_status",
  body: overrideSchema,
  response: z.null(),
  status: 204,
});

export const liftOverrideEndpoint = defineEndpoint({
  tag: "Components",
  method: "DELETE",
  path: "/components/{id}/override",
  summary: "Lift a component's status override.",
  permission: "component.override_status",
  response: z.null(),
  status: 204,
});

export const probeEndpoints = [
  listProbesEndpoint,
  createProbeEndpoint,
  getProbeEndpoint,
  updateProbeEndpoint,
  deleteProbeEndpoint,
  runProbeEndpoint,
  listLocationsEndpoint,
  createLocationEndpoint,
  setOverrideEndpoint,
  liftOverrideEndpoint,
];
