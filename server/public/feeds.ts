import { Feed } from "feed";
import { formatPosted } from "@/server/public/time";
import type { IncidentStatus, MaintenanceStatus, PublicIncident, PublicMaintenance, PublicSnapshot } from "@/server/public/types";

// RSS 2.0 and Atom 1.0 history feeds, for the whole page and for each component, as pure functions of
// the public snapshot (so they carry only what the page shows, and share its ETag and caching). Each
// incident or maintenance is one item whose content is its whole public timeline, newest first.

export type FeedFormat = "rss" | "atom";
const ITEM_LIMIT = 50;

const INCIDENT_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};
const MAINTENANCE_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const base = (s: PublicSnapshot) => s.page.url.replace(/\/+$/, "");

/** The feed paths of the page (no component) or of one component. */
export function feedPath(format: FeedFormat, componentId?: string): string {
  return componentId ? `/history/${componentId}.${format}` : `/history.${format}`;
}

function entry(label: string, when: string, bodyHtml: string, tz: string): string {
  return `<p><strong>${esc(label)}</strong> - <small>${esc(formatPosted(when, tz))}</small></p>\n${bodyHtml}`;
}

function incidentItem(s: PublicSnapshot, i: PublicIncident) {
  const tz = s.page.timeZone;
  const timeline = i.updates.map((u) => entry(INCIDENT_LABELS[u.status], u.displayAt, u.bodyHtml, tz));
  if (i.postmortem) timeline.unshift(entry("Postmortem", i.postmortem.publishedAt, i.postmortem.bodyHtml, tz));
  const components = s.components.filter((c) => i.componentIds.includes(c.id)).map((c) => c.name);
  if (components.length) timeline.push(`<p>Affected: ${esc(components.join(", "))}</p>`);
  const latest = i.postmortem?.publishedAt ?? i.updates[0]?.displayAt ?? i.startedAt;
  const link = `${base(s)}/incidents/${i.id}`;
  return {
    title: `${i.name} (${INCIDENT_LABELS[i.status]})`,
    id: link,
    link,
    date: new Date(latest),
    published: new Date(i.startedAt),
    description: i.updates[0] ? `${INCIDENT_LABELS[i.updates[0].status]}: ${i.updates[0].body.slice(0, 280)}` : i.name,
    content: timeline.join("\n"),
  };
}

function maintenanceItem(s: PublicSnapshot, m: PublicMaintenance) {
  const tz = s.page.timeZone;
  const window = `<p>Scheduled for ${esc(formatPosted(m.scheduledFor, tz))} until ${esc(formatPosted(m.scheduledUntil, tz))}</p>`;
  const timeline = [
    ...m.updates.map((u) => entry(MAINTENANCE_LABELS[u.status], u.displayAt, u.bodyHtml, tz)),
    entry("Scheduled", m.createdAt, m.bodyHtml, tz),
  ];
  const latest = m.updates[0]?.displayAt ?? m.createdAt;
  const link = `${base(s)}/maintenance/${m.id}`;
  return {
    title: `${m.name} (maintenance, ${MAINTENANCE_LABELS[m.status].toLowerCase()})`,
    id: link,
    link,
    date: new Date(latest),
    published: new Date(m.createdAt),
    description: `Scheduled maintenance: ${m.name}`,
    content: `${window}\n${timeline.join("\n")}`,
  };
}

/** The feed, or null when the component does not exist (a 404). */
export function historyFeed(s: PublicSnapshot, format: FeedFormat, componentId?: string): string | null {
  const component = componentId ? s.components.find((c) => c.id === componentId) : undefined;
  if (componentId && !component) return null;
  const concerns = (ids: string[]) => !componentId || ids.includes(componentId);
  const items = [
    ...s.incidents.filter((i) => concerns(i.componentIds)).map((i) => incidentItem(s, i)),
    ...s.maintenances.filter((m) => concerns(m.componentIds)).map((m) => maintenanceItem(s, m)),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id))
    .slice(0, ITEM_LIMIT);
  const title = component ? `${s.page.name}: ${component.name} history` : `${s.page.name} status history`;
  const feed = new Feed({
    title,
    description: component ? `Incidents and maintenance affecting ${component.name}` : `Incidents and maintenance on ${s.page.name}`,
    id: `${base(s)}${feedPath("atom", componentId)}`,
    link: `${base(s)}/`,
    language: "en",
    updated: items[0]?.date ?? new Date(s.page.updatedAt),
    generator: "statuspage",
    feedLinks: { rss: `${base(s)}${feedPath("rss", componentId)}`, atom: `${base(s)}${feedPath("atom", componentId)}` },
    copyright: s.page.name,
  });
  for (const item of items) feed.addItem(item);
  return format === "rss" ? feed.rss2() : feed.atom1();
}
