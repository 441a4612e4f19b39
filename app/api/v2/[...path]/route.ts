import { publicResourceResponse } from "@/server/public/route";

// GET /api/v2/*.json: Statuspage's public API v2 (summary, status, components, incidents, unresolved,
// scheduled maintenances, upcoming, active), from the public snapshot.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
export const OPTIONS = publicResourceResponse;
