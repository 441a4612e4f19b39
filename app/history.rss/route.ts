import { publicResourceResponse } from "@/server/public/route";

// GET /history.rss: the page's incident and maintenance history as RSS 2.0.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
