import { publicResourceResponse } from "@/server/public/route";

// GET /api/public/live.json: what the status page refreshes in the browser (see server/public/live.ts).
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
