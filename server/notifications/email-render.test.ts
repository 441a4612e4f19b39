import { describe, expect, it } from "vitest";
import { renderConfirmMail, renderIncidentMail, renderStaffMail } from "@/server/notifications/email-render";
import type { IncidentBody } from "@/server/notifications/payloads";

const body: IncidentBody = {
  page: { id: "p", status_indicator: "major", status_description: "Partial System Outage" },
  incident: {
    id: "inc1",
    name: "Downloads <failing>",
    status: "identified",
    incident_updates: [
      { status: "identified", body: "We found **the cause**.\n<script>alert(1)</script>", display_at: "2026-01-01T10:00:00Z" },
      { status: "investigating", body: "Looking into it.", display_at: "2026-01-01T09:00:00Z" },
    ],
    components: [{ name: "Downloads", status: "major_outage" }],
  },
};
const links = {
  pageName: "Registry Status",
  manageUrl: "https://status.example.org/subscriptions/tok",
  unsubscribeUrl: "https://status.example.org/api/subscriptions/tok/unsubscribe",
  incidentUrl: "https://status.example.org/incidents/inc1",
  kind: "incident" as const,
};

describe("incident email", () => {
  const mail = renderIncidentMail(body, links);

  it("names the page, the newest update's status and the incident in the subject", () => {
    expect(mail.subject).toBe("[Registry Status] Identified: Downloads <failing>");
  });

  it("carries the newest update, the component states and the links in plain text", () => {
    expect(mail.text).toContain("We found **the cause**.");
    expect(mail.text).not.toContain("Looking into it.");
    expect(mail.text).toContain("- Downloads: Major Outage");
    expect(mail.text).toContain(links.incidentUrl);
    expect(mail.text).toContain(links.manageUrl);
  });

  it("renders Markdown in HTML, escapes names and strips scripts", () => {
    expect(mail.html).toContain("<strong>the cause</strong>");
    expect(mail.html).toContain("Downloads &lt;failing&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(`href="${links.incidentUrl}"`);
  });
});

describe("other emails", () => {
  it("asks for confirmation with the link", () => {
    const mail = renderConfirmMail({ pageName: "Registry Status", confirmUrl: "https://s.example/subscriptions/t" });
    expect(mail.text).toContain("https://s.example/subscriptions/t");
    expect(mail.html).toContain('href="https://s.example/subscriptions/t"');
  });

  it("drops Slack emoji codes from staff email", () => {
    const mail = renderStaffMail({ title: "Probe alert: API is Major Outage", text: ":rotating_light: API: Major Outage. timeout" }, "Registry Status");
    expect(mail.subject).toBe("[Registry Status staff] Probe alert: API is Major Outage");
    expect(mail.text).toBe("API: Major Outage. timeout");
  });
});
