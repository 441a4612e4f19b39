import { publicResourceResponse } from "@/server/public/route";

// GET /history/{componentId}.rss and /history/{componentId}.atom: one component's history as a feed.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
