import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { pageSettingsSchema, pageSettingsViewSchema } from "@/server/page/schema";

// Staff API declarations for the page's settings; implemented in app/api/admin/v1/page.
const tag = "Page";

export const getPageSettingsEndpoint = defineEndpoint({
  tag,
  method: "GET",
  path: "/page",
  summary: "The page's settings.",
  permission: "page.manage",
  response: pageSettingsViewSchema,
});

export const updatePageSettingsEndpoint = defineEndpoint({
  tag,
  method: "PUT",
  path: "/page",
  summary: "Replace the page's settings (name, URL, time zone, description, logo, colour, footer links).",
  permission: "page.manage",
  body: pageSettingsSchema,
  response: z.null(),
  status: 204,
});

export const pageEndpoints = [getPageSettingsEndpoint, updatePageSettingsEndpoint];
