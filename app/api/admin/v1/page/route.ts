import { handleEndpoint } from "@/server/api/endpoint";
import { getPageSettings } from "@/server/page/data";
import { getPageSettingsEndpoint, updatePageSettingsEndpoint } from "@/server/page/endpoints";
import { updatePageSettings } from "@/server/page/mutations";

// GET /api/admin/v1/page: the page's settings.
export const GET = handleEndpoint(getPageSettingsEndpoint, () => getPageSettings());

// PUT /api/admin/v1/page: replace the page's settings.
export const PUT = handleEndpoint(updatePageSettingsEndpoint, async ({ actor, body }) => {
  await updatePageSettings(actor, body);
  return null;
});
