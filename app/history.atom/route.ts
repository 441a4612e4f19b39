import { publicResourceResponse } from "@/server/public/route";

// GET /history.atom: the page's incident and maintenance history as Atom 1.0.
export const dynamic = "force-dynamic";
export const GET = publicResourceResponse;
export const HEAD = publicResourceResponse;
