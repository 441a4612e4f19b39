import { publicResourceResponse } from "@/server/public/route";

// GET /badge.svg: the page's overall status as a shields-style badge.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
