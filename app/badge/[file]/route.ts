import { publicResourceResponse } from "@/server/public/route";

// GET /badge/{componentId}.svg: one component's status as a shields-style badge.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
