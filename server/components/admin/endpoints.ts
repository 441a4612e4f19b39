import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import {
  adminComponentSchema,
  adminGroupSchema,
  catalogSchema,
  createComponentSchema,
  createGroupSchema,
  moveSchema,
  updateComponentSchema,
  updateGroupSchema,
} from "@/server/components/admin/schema";

// Staff API declarations for components and groups; implemented in app/api/admin/v1/components and groups.
const tag = "Components";
const permission = "component.manage";

export const listCatalogEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/components",
  summary: "Every group and component in display order, archived ones and internal fields included.",
  permission,
  response: catalogSchema,
});

export const createComponentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/components",
  summary: "Create a component (at the end of its group).",
  permission,
  body: createComponentSchema,
  response: z.object({ id: z.string() }),
  status: 201,
});

export const getComponentEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/components/{id}",
  summary: "One component with its internal fields.",
  permission,
  response: adminComponentSchema,
});

export const updateComponentEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/components/{id}",
  summary: "Edit a component; fields left out stay as they are, null clears one. A new group puts it at the end of that group.",
  permission,
  body: updateComponentSchema,
  response: z.null(),
  status: 204,
});

export const archiveComponentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/components/{id}/archive",
  summary: "Archive a component: off the public page, history kept.",
  permission,
  response: z.null(),
  status: 204,
});

export const restoreComponentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/components/{id}/restore",
  summary: "Restore an archived component, at the end of its group.",
  permission,
  response: z.null(),
  status: 204,
});

export const moveComponentEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/components/{id}/move",
  summary: "Move a component one place up or down within its group.",
  permission,
  body: moveSchema,
  response: z.object({ moved: z.boolean() }),
});

export const createGroupEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/groups",
  summary: "Create a component group (last on the page).",
  permission,
  body: createGroupSchema,
  response: z.object({ id: z.string() }),
  status: 201,
});

export const getGroupEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/groups/{id}",
  summary: "One component group.",
  permission,
  response: adminGroupSchema,
});

export const updateGroupEndpoint = defineEndpoint({
  tag,
  method: "PATCH",
  path: "/groups/{id}",
  summary: "Rename a group or change its description.",
  permission,
  body: updateGroupSchema,
  response: z.null(),
  status: 204,
});

export const archiveGroupEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/groups/{id}/archive",
  summary: "Archive an empty group (409 while it still has live components).",
  permission,
  response: z.null(),
  status: 204,
});

export const restoreGroupEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/groups/{id}/restore",
  summary: "Restore an archived group, last on the page.",
  permission,
  response: z.null(),
  status: 204,
});

export const moveGroupEndpoint = defineEndpoint({
  tag,
  method: "POST",
  path: "/groups/{id}/move",
  summary: "Move a group one place up or down.",
  permission,
  body: moveSchema,
  response: z.object({ moved: z.boolean() }),
});

export const componentEndpoints = [
  listCatalogEndpoint,
  createComponentEndpoint,
  getComponentEndpoint,
  updateComponentEndpoint,
  archiveComponentEndpoint,
  restoreComponentEndpoint,
  moveComponentEndpoint,
  createGroupEndpoint,
  getGroupEndpoint,
  updateGroupEndpoint,
  archiveGroupEndpoint,
  restoreGroupEndpoint,
  moveGroupEndpoint,
];
