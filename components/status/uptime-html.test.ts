import { describe, expect, it } from "vitest";
import { uptimeBarHtml } from "@/components/status/uptime-html";
import type { PublicComponent, UptimeDay } from "@/server/public/types";

const component = (days: UptimeDay[]): PublicComponent => ({
  id: "c1",
  name: "Website",
  description: null,
  status: "operational",
  position: 0,
  groupId: null,
  onlyShowIfDegraded: false,
  showcase: true,
  startDate: null,
  createdAt: "",
  updatedAt: "",
  uptimeDays: days,
  uptimeRatio: 1,
});

describe("uptimeBarHtml", () => {
  it("draws quiet runs as one mark and troubled days with their detail", () => {
    const html = uptimeBarHtml(
      component([
        { date: "2026-11-01", level: "operational", ratio: 1, incidentIds: [] },
        { date: "2026-11-02", level: "operational", ratio: 1, incidentIds: [] },
        { date: "2026-11-03", level: "major", ratio: 0.9, incidentIds: ["i1"] },
      ]),
      new Map([["i1", "502 errors <after> deploy"]]),
    );
    expect(html.match(/class="d /g)).toHaveLength(2);
    expect(html).toContain('style="--n:2"');
    expect(html).toContain('aria-label="Nov 3, 2026 · Major outage · 90.00% uptime · 502 errors &lt;after&gt; deploy"');
    expect(html).toContain('tabindex="0"');
  });

  it("escapes everything that comes from staff", () => {
    const html = uptimeBarHtml(component([{ date: "2026-11-03", level: "partial", ratio: 0.5, incidentIds: ["x"] }]), new Map([["x", `"><script>alert(1)</script>`]]));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });
});
