import { createHash } from "node:crypto";
import { dayLevel, NO_MINUTES, sumMinutes, uptimeRatio, type StatusMinutes } from "@/server/components/uptime";
import { renderMarkdown } from "@/server/incidents/markdown";
import { overallStatus } from "@/server/public/overall-status";
import type { SnapshotSource } from "@/server/public/data";
import { UPTIME_DAYS } from "@/server/public/data";
import type {
  PublicComponent,
  PublicGroup,
  PublicIncident,
  PublicMaintenance,
  PublicPage,
  PublicSnapshot,
  UptimeDay,
} from "@/server/public/types";

// Builds the immutable public snapshot from the database rows. Pure: the same rows and clock give the
// same snapshot and the same version.

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

function footerLinks(value: unknown): PublicPage["footerLinks"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== "object" || v === null) return [];
    const { label, url } = v as { label?: unknown; url?: unknown };
    return typeof label === "string" && typeof url === "string" && /^https?:\/\//.test(url) ? [{ label, url }] : [];
  });
}

/** The fields every public update has, incident or maintenance, with its Markdown rendered once. */
function publicUpdate<S extends string>(u: { id: string; status: S; body: string; displayAt: Date; createdAt: Date }) {
  return { id: u.id, status: u.status, body: u.body, bodyHtml: renderMarkdown(u.body), displayAt: iso(u.displayAt), createdAt: iso(u.createdAt) };
}

function buildIncidents(rows: SnapshotSource["incidents"]): PublicIncident[] {
  return rows.map((i) => ({
    id: i.id,
    name: i.name,
    // Derived, not stored: the latest published update's status, or postmortem once one is published.
    status: i.postmortemBody && i.postmortemPublishedAt ? "postmortem" : (i.updates[0]?.status ?? "investigating"),
    impact: i.impact,
    startedAt: iso(i.startedAt),
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    identifiedAt: isoOrNull(i.identifiedAt),
    monitoringAt: isoOrNull(i.monitoringAt),
    resolvedAt: isoOrNull(i.resolvedAt),
    componentIds: i.components.map((c) => c.componentId).sort(),
    updates: i.updates.map((u) => ({
      ...publicUpdate(u),
      updatedAt: iso(u.updatedAt),
      deliverNotifications: u.deliverNotifications,
      affectedComponents: u.affectedComponents.map((a) => ({
        componentId: a.componentId,
        name: a.component.name,
        oldStatus: a.oldStatus,
        newStatus: a.newStatus,
      })),
    })),
    postmortem:
      i.postmortemBody && i.postmortemPublishedAt
        ? {
            body: i.postmortemBody,
            bodyHtml: renderMarkdown(i.postmortemBody),
            publishedAt: iso(i.postmortemPublishedAt),
            actionItems: i.actionItems.map((a) => ({ title: a.title, done: a.done })),
          }
        : null,
  }));
}

function buildMaintenances(rows: SnapshotSource["maintenances"]): PublicMaintenance[] {
  return rows
    .map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status,
      body: m.body,
      bodyHtml: renderMarkdown(m.body),
      scheduledFor: iso(m.scheduledFor),
      scheduledUntil: iso(m.scheduledUntil),
      startedAt: isoOrNull(m.startedAt),
      completedAt: isoOrNull(m.completedAt),
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
      componentIds: m.components.map((c) => c.componentId).sort(),
      updates: m.updates.map(publicUpdate),
    }))
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || a.id.localeCompare(b.id));
}


/** The last UPTIME_DAYS UTC days of one component, oldest first, with the incidents open on each. */
function uptimeDays(
  componentId: string,
  rows: Map<string, StatusMinutes>,
  incidents: PublicIncident[],
  now: Date,
): { days: UptimeDay[]; ratio: number | null } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const mine = incidents.filter((i) => i.componentIds.includes(componentId));
  const days: UptimeDay[] = [];
  const minutes: StatusMinutes[] = [];
  for (let n = UPTIME_DAYS - 1; n >= 0; n--) {
    const start = today - n * DAY_MS;
    const date = dayKey(new Date(start));
    const m = rows.get(`${componentId}:${date}`) ?? NO_MINUTES;
    minutes.push(m);
    const incidentIds = mine
      .filter((i) => Date.parse(i.startedAt) < start + DAY_MS && (i.resolvedAt === null || Date.parse(i.resolvedAt) >= start))
      .map((i) => i.id);
    days.push({ date, level: dayLevel(m), ratio: uptimeRatio(m), incidentIds });
  }
  return { days, ratio: uptimeRatio(sumMinutes(minutes)) };
}

export function buildSnapshot(source: SnapshotSource, now: Date): PublicSnapshot {
  if (!source.page) throw new Error("The page has not been set up yet: run `npm run db:seed` or save page settings.");
  const incidents = buildIncidents(source.incidents);
  const uptimeRows = new Map(source.uptime.map((u) => [`${u.componentId}:${dayKey(u.day)}`, u]));
  const components: PublicComponent[] = source.components.map((c) => {
    const uptime = uptimeDays(c.id, uptimeRows, incidents, now);
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      status: c.status,
      position: c.position,
      groupId: c.groupId,
      onlyShowIfDegraded: c.onlyShowIfDegraded,
      showcase: c.showcase,
      startDate: c.startDate ? dayKey(c.startDate) : null,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      uptimeDays: uptime.days,
      uptimeRatio: uptime.ratio,
    };
  });
  const groups: PublicGroup[] = source.groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    position: g.position,
    componentIds: components.filter((c) => c.groupId === g.id).map((c) => c.id),
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  }));
  const page: PublicPage = {
    id: source.page.id,
    name: source.page.name,
    url: source.page.url,
    timeZone: source.page.timeZone,
    description: source.page.description,
    logoUrl: source.page.logoUrl,
    brandColor: source.page.brandColor,
    footerLinks: footerLinks(source.page.footerLinks),
    updatedAt: iso(source.page.updatedAt),
  };
  const status = overallStatus({
    componentStatuses: components.map((c) => c.status),
    openIncidentImpacts: incidents.filter((i) => i.resolvedAt === null).map((i) => i.impact),
  });
  const content = { page, status, groups, components, incidents, maintenances: buildMaintenances(source.maintenances) };
  const version = createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 22);
  return { version, generatedAt: iso(now), ...content };
}
