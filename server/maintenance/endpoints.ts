import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import {
  editMaintenanceSchema,
  extendMaintenanceSchema,
  maintenanceListQuerySchema,
  maintenanceMessageSchema,
  maintenanceViewSchema,
  postMaintenanceUpdateSchema,
  scheduleMaintenanceSchema,
} from "@/server/maintenance/schema";

// Staff API declarations for maintenance windows; implemented in app/api/admin/v1/maintenance.
const tag = "Maintenance";
const permission = "maintenance.manage";

export const listMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/maintenance",
  summary: "Maintenance windows: upcoming, active or past (the last 50), or the latest 50 of any state.",
  permission,
  query: maintenanceListQuerySchema,
  response: z.array(maintenanceViewSchema),
});

export const scheduleMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance",
  summary: "Schedule a window. It starts and completes by itself unless autoStart / autoComplete are false; one whose start has passed starts at once.",
  permission,
  body: scheduleMaintenanceSchema,
  response: z.object({ id: z.string() }),
  status: 201,
});

export const getMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/maintenance/{id}",
  summary: "One window with its components and updates (newest first).",
  permission,
  response: maintenanceViewSchema,
});

export const editMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/maintenance/{id}",
  summary: "Edit a window's title and notice at any time; its times, components and automation only before it starts (409 after).",
  permission,
  body: editMaintenanceSchema,
  response: z.null(),
  status: 204,
});

export const postMaintenanceUpdateEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance/{id}/updates",
  summary: "Post a public update; a running window may move between in_progress and verifying.",
  permission,
  body: postMaintenanceUpdateSchema,
  response: z.object({ id: z.string() }),
  status: 201,
});

export const extendMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance/{id}/extend",
  summary: "Move the window's end (it must stay in the future), with an optional public message.",
  permission,
  body: extendMaintenanceSchema,
  response: z.null(),
  status: 204,
});

export const startMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance/{id}/start",
  summary: "Start a scheduled window now.",
  permission,
  body: maintenanceMessageSchema,
  response: z.null(),
  status: 204,
});

export const endMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance/{id}/end",
  summary: "End a running window now; its components return to their status from before it.",
  permission,
  body: maintenanceMessageSchema,
  response: z.null(),
  status: 204,
});

export const cancelMaintenanceEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/maintenance/{id}/cancel",
  summary: "Cancel a window that has not started (kept on record as cancelled).",
  permission,
  body: maintenanceMessageSchema,
  response: z.null(),
  status: 204,
});

export const maintenanceEndpoints = [
  listMaintenanceEndpoint,
  scheduleMaintenanceEndpoint,
  getMaintenanceEndpoint,
  editMaintenanceEndpoint,
  postMaintenanceUpdateEndpoint,
  extendMaintenanceEndpoint,
  startMaintenanceEndpoint,
  endMaintenanceEndpoint,
  cancelMaintenanceEndpoint,
];
