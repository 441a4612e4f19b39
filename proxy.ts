import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/security-headers";

// Every page Next renders gets a content security policy with a fresh nonce: Next reads it from the
// request's policy header and puts it on its own inline scripts, so no script runs inline without it.
// (The cached status page served by the fast path carries its scripts' hashes instead: page-cache.ts.)
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy({ nonce }, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not route handlers (API, feeds, badges) nor build assets, which carry no scripts.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|badge|history\\.|history/.+\\.(?:rss|atom)$|metrics).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
