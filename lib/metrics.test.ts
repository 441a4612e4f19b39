import { describe, expect, it } from "vitest";
import { metrics, observeRequest, routeLabel } from "@/lib/metrics";

describe("request metrics", () => {
  it("reduces paths to few route labels", () => {
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/api/v2/summary.json")).toBe("/api/v2/summary.json");
    expect(routeLabel("/incidents/cmf1x2y3z4a5b6c7d8e9f0g1h")).toBe("/incidents/:id");
    expect(routeLabel("/badge/cmf1x2y3z4a5b6c7d8e9f0g1h.svg")).toBe("/badge/:id.svg");
    expect(routeLabel("/history/cmf1x2y3z4a5b6c7d8e9f0g1h.atom")).toBe("/history/:id.atom");
    expect(routeLabel("/api/admin/v1/maintenance/cmf1x2y3z4a5b6c7d8e9f0g1h/start")).toBe("/api/admin/v1/maintenance/:id/start");
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/wp-login.php")).toBe("other");
    expect(routeLabel("/subscriptions/some-secret-token")).toBe("/subscriptions/:token");
  });

  it("counts requests by route and status with a latency histogram", async () => {
    observeRequest("/api/v2/status.json", "GET", 200, 0.002);
    observeRequest("/api/v2/status.json", "GET", 304, 0.001);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/status_http_requests_total\{route="\/api\/v2\/status.json",method="GET",status="200"\} 1/);
    expect(text).toMatch(/status_http_requests_total\{route="\/api\/v2\/status.json",method="GET",status="304"\} 1/);
    expect(text).toMatch(/status_http_request_duration_seconds_bucket\{le="0.0025",route="\/api\/v2\/status.json",method="GET"\} 2/);
  });
});
