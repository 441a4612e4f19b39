import { toOffsetIso } from "@/server/public/time";
import type { PublicComponent, PublicGroup, PublicIncident, PublicMaintenance, PublicSnapshot } from "@/server/public/types";

// Atlassian Statuspage's public API v2, exactly: field names, types and enums, as pure functions of
// the snapshot. Ids are our stable string ids; times are ISO 8601 in the page's zone with its offset.

const INCIDENT_LIST_LIMIT = 50;

export function v2Page(s: PublicSnapshot) {
  return { id: s.page.id, name: s.page.name, url: s.page.url, time_zone: s.page.timeZone, updated_at: toOffsetIso(lastUpdated(s), s.page.timeZone) };
}

/** The latest change anywhere on the page, as Statuspage's page.updated_at. */
function lastUpdated(s: PublicSnapshot): string {
  let latest = s.page.updatedAt;
  const consider = (t: string | null) => {
    if (t && t > latest) latest = t;
  };
  for (const c of s.components) consider(c.updatedAt);
  for (const g of s.groups) consider(g.updatedAt);
  for (const i of s.incidents) consider(i.updatedAt);
  for (const m of s.maintenances) consider(m.updatedAt);
  return latest;
}

function v2Component(s: PublicSnapshot, c: PublicComponent) {
  const tz = s.page.timeZone;
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: toOffsetIso(c.createdAt, tz),
    updated_at: toOffsetIso(c.updatedAt, tz),
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.startDate,
    group_id: c.groupId,
    page_id: s.page.id,
    group: false,
    only_show_if_degraded: c.onlyShowIfDegraded,
  };
}

/** A group as Statuspage lists it: a component with group true, its children's ids, the worst status. */
function v2Group(s: PublicSnapshot, g: PublicGroup) {
  const tz = s.page.timeZone;
  const children = s.components.filter((c) => c.groupId === g.id);
  const order = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"] as const;
  const status = children.reduce<(typeof order)[number]>((w, c) => (order.indexOf(c.status) > order.indexOf(w) ? c.status : w), "operational");
  return {
    id: g.id,
    name: g.name,
    status,
    created_at: toOffsetIso(g.createdAt, tz),
    updated_at: toOffsetIso(g.updatedAt, tz),
    position: g.position,
    description: g.description,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: s.page.id,
    group: true,
    only_show_if_degraded: false,
    components: children.map((c) => c.id),
  };
}

/** Groups and components in page order: each group followed by its components, then ungrouped ones. */
export function v2Components(s: PublicSnapshot) {
  const out: (ReturnType<typeof v2Component> | ReturnType<typeof v2Group>)[] = [];
  for (const g of s.groups) {
    out.push(v2Group(s, g));
    for (const c of s.components) if (c.groupId === g.id) out.push(v2Component(s, c));
  }
  for (const c of s.components) if (c.groupId === null || !s.groups.some((g) => g.id === c.groupId)) out.push(v2Component(s, c));
  return out;
}

function componentsById(s: PublicSnapshot, ids: string[]) {
  return ids.flatMap((id) => {
    const c = s.components.find((x) => x.id === id);
    return c ? [v2Component(s, c)] : [];
  });
}

export function v2Incident(s: PublicSnapshot, i: PublicIncident) {
  const tz = s.page.timeZone;
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: toOffsetIso(i.createdAt, tz),
    updated_at: toOffsetIso(i.updatedAt, tz),
    monitoring_at: i.monitoringAt ? toOffsetIso(i.monitoringAt, tz) : null,
    resolved_at: i.resolvedAt ? toOffsetIso(i.resolvedAt, tz) : null,
    impact: i.impact,
    shortlink: `${s.page.url.replace(/\/$/, "")}/incidents/${i.id}`,
    started_at: toOffsetIso(i.startedAt, tz),
    page_id: s.page.id,
    incident_updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: i.id,
      created_at: toOffsetIso(u.createdAt, tz),
      updated_at: toOffsetIso(u.updatedAt, tz),
      display_at: toOffsetIso(u.displayAt, tz),
      affected_components: u.affectedComponents.map((a) => ({
        code: a.componentId,
        name: a.name,
        old_status: a.oldStatus,
        new_status: a.newStatus,
      })),
      deliver_notifications: u.deliverNotifications,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: componentsById(s, i.componentIds),
  };
}

export function v2Maintenance(s: PublicSnapshot, m: PublicMaintenance) {
  const tz = s.page.timeZone;
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    created_at: toOffsetIso(m.createdAt, tz),
    updated_at: toOffsetIso(m.updatedAt, tz),
    monitoring_at: null,
    resolved_at: m.completedAt ? toOffsetIso(m.completedAt, tz) : null,
    impact: "maintenance" as const,
    shortlink: `${s.page.url.replace(/\/$/, "")}/maintenance/${m.id}`,
    started_at: toOffsetIso(m.startedAt ?? m.scheduledFor, tz),
    page_id: s.page.id,
    scheduled_for: toOffsetIso(m.scheduledFor, tz),
    scheduled_until: toOffsetIso(m.scheduledUntil, tz),
    incident_updates: [
      ...m.updates.map((u) => ({
        id: u.id,
        status: u.status,
        body: u.body,
        incident_id: m.id,
        created_at: toOffsetIso(u.createdAt, tz),
        updated_at: toOffsetIso(u.createdAt, tz),
        display_at: toOffsetIso(u.displayAt, tz),
        affected_components: [],
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      })),
      // The notice itself is the first update, as Statuspage shows the original message.
      {
        id: `${m.id}-notice`,
        status: "scheduled",
        body: m.body,
        incident_id: m.id,
        created_at: toOffsetIso(m.createdAt, tz),
        updated_at: toOffsetIso(m.updatedAt, tz),
        display_at: toOffsetIso(m.createdAt, tz),
        affected_components: [],
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      },
    ],
    components: componentsById(s, m.componentIds),
  };
}

export const isActiveMaintenance = (m: PublicMaintenance) => m.status === "in_progress" || m.status === "verifying";
export const isUpcomingMaintenance = (m: PublicMaintenance) => m.status === "scheduled";
const newestFirst = (a: PublicMaintenance, b: PublicMaintenance) => b.scheduledFor.localeCompare(a.scheduledFor);

export const v2 = {
  summary: (s: PublicSnapshot) => ({
    page: v2Page(s),
    components: v2Components(s),
    incidents: s.incidents.filter((i) => i.resolvedAt === null).map((i) => v2Incident(s, i)),
    scheduled_maintenances: s.maintenances.filter((m) => isActiveMaintenance(m) || isUpcomingMaintenance(m)).map((m) => v2Maintenance(s, m)),
    status: s.status,
  }),
  status: (s: PublicSnapshot) => ({ page: v2Page(s), status: s.status }),
  components: (s: PublicSnapshot) => ({ page: v2Page(s), components: v2Components(s) }),
  incidents: (s: PublicSnapshot) => ({ page: v2Page(s), incidents: s.incidents.slice(0, INCIDENT_LIST_LIMIT).map((i) => v2Incident(s, i)) }),
  unresolvedIncidents: (s: PublicSnapshot) => ({
    page: v2Page(s),
    incidents: s.incidents.filter((i) => i.resolvedAt === null).map((i) => v2Incident(s, i)),
  }),
  maintenances: (s: PublicSnapshot) => ({
    page: v2Page(s),
    scheduled_maintenances: [...s.maintenances].sort(newestFirst).slice(0, INCIDENT_LIST_LIMIT).map((m) => v2Maintenance(s, m)),
  }),
  upcomingMaintenances: (s: PublicSnapshot) => ({
    page: v2Page(s),
    scheduled_maintenances: s.maintenances.filter(isUpcomingMaintenance).map((m) => v2Maintenance(s, m)),
  }),
  activeMaintenances: (s: PublicSnapshot) => ({
    page: v2Page(s),
    scheduled_maintenances: s.maintenances.filter(isActiveMaintenance).map((m) => v2Maintenance(s, m)),
  }),
};
