import { COMPONENT_STATUS_LABELS, isComponentStatus } from "@/server/components/status";
import { renderMarkdown } from "@/server/incidents/markdown";
import type { IncidentBody, StaffBody } from "@/server/notifications/payloads";

// Email bodies: plain text and HTML of the same content. Update text is Markdown; in HTML it is
// rendered and sanitized, in text it is sent as written. Pure.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const humanize = (s: string) => s.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

function statusLabel(status: string): string {
  return isComponentStatus(status) ? COMPONENT_STATUS_LABELS[status] : humanize(status);
}

function layout(pageName: string, content: string, footer: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#18181b;max-width:600px;margin:0 auto;padding:16px">
<p style="font-weight:600">${esc(pageName)}</p>${content}
<hr style="border:none;border-top:1px solid #e4e4e7;margin:24px 0"><p style="font-size:12px;color:#52525b">${footer}</p></body></html>`;
}

interface Links {
  pageName: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

function footers(links: Links): { text: string; html: string } {
  return {
    text: `You receive this because you subscribed to ${links.pageName}.\nChange what you receive: ${links.manageUrl}\nUnsubscribe: ${links.manageUrl}`,
    html: `You receive this because you subscribed to ${esc(links.pageName)}. <a href="${esc(links.manageUrl)}">Change what you receive or unsubscribe</a>.`,
  };
}

interface UpdateLike {
  id?: string;
  status?: string;
  body?: string;
  display_at?: string;
  created_at?: string;
}
interface ComponentLike {
  name?: string;
  status?: string;
}

/**
 * An incident or maintenance message: the update it announces (or the postmortem), the components'
 * states, and a link to the incident page.
 */
export function renderIncidentMail(
  body: IncidentBody,
  links: Links & { incidentUrl: string; kind: "incident" | "maintenance"; updateId?: string | null; postmortem?: string | null },
): RenderedMail {
  const incident = body.incident;
  const updates = incident.incident_updates as UpdateLike[];
  const announced = updates.find((u) => u.id === links.updateId) ?? updates[0] ?? {};
  const update: UpdateLike = links.postmortem ? { status: "postmortem", body: links.postmortem } : announced;
  const components = (Array.isArray(incident.components) ? incident.components : []) as ComponentLike[];
  const status = humanize(update.status ?? (typeof incident.status === "string" ? incident.status : ""));
  const when = update.display_at ?? update.created_at ?? "";
  const subject = `[${links.pageName}] ${status ? `${status}: ` : ""}${incident.name}`;
  const componentLines = components.map((c) => `- ${c.name ?? "?"}: ${statusLabel(String(c.status ?? ""))}`);
  const footer = footers(links);
  const text = [
    incident.name,
    `${status}${when ? ` (${when})` : ""}`,
    "",
    update.body ?? "",
    "",
    ...(componentLines.length ? ["Components:", ...componentLines, ""] : []),
    `${links.kind === "maintenance" ? "Maintenance" : "Incident"} page: ${links.incidentUrl}`,
    "",
    footer.text,
  ].join("\n");
  const html = layout(
    links.pageName,
    `<h1 style="font-size:20px">${esc(incident.name)}</h1>
<p><strong>${esc(status)}</strong>${when ? ` <span style="color:#52525b">${esc(when)}</span>` : ""}</p>
<div>${renderMarkdown(update.body ?? "")}</div>
${components.length ? `<h2 style="font-size:16px">Components</h2><ul>${components.map((c) => `<li>${esc(c.name ?? "?")}: ${esc(statusLabel(String(c.status ?? "")))}</li>`).join("")}</ul>` : ""}
<p><a href="${esc(links.incidentUrl)}">View the ${links.kind} on the status page</a></p>`,
    footer.html,
  );
  return { subject, text, html };
}

export function renderStaffMail(body: StaffBody, pageName: string): RenderedMail {
  const text = body.text.replace(/:[a-z_]+: /g, "");
  return {
    subject: `[${pageName} staff] ${body.title}`,
    text,
    html: layout(pageName, `<p>${esc(text)}</p>`, "Sent to the staff list in this installation's configuration."),
  };
}

export function renderConfirmMail(input: { pageName: string; confirmUrl: string }): RenderedMail {
  return {
    subject: `Confirm your subscription to ${input.pageName}`,
    text: `Someone (hopefully you) asked to receive ${input.pageName} notifications at this address.\n\nConfirm: ${input.confirmUrl}\n\nIf it was not you, ignore this message: nothing will be sent unless you confirm.`,
    html: layout(
      input.pageName,
      `<p>Someone (hopefully you) asked to receive ${esc(input.pageName)} notifications at this address.</p>
<p><a href="${esc(input.confirmUrl)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Confirm the subscription</a></p>`,
      "If it was not you, ignore this message: nothing will be sent unless you confirm.",
    ),
  };
}

export function renderAlreadySubscribedMail(input: { pageName: string; manageUrl: string }): RenderedMail {
  return {
    subject: `Your subscription to ${input.pageName}`,
    text: `This address is already subscribed to ${input.pageName}.\n\nChange what you receive or unsubscribe: ${input.manageUrl}`,
    html: layout(
      input.pageName,
      `<p>This address is already subscribed to ${esc(input.pageName)}.</p><p><a href="${esc(input.manageUrl)}">Change what you receive or unsubscribe</a></p>`,
      "You receive this because someone entered this address on the subscription page.",
    ),
  };
}
