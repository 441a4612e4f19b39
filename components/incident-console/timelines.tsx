import { EditPublishedForm } from "@/components/incident-console/small-forms";
import type { ActionResult } from "@/lib/action-result";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";
import type { IncidentActivity } from "@/server/incidents/data";
import { UPDATE_STATUS_LABELS, type UpdateView } from "@/server/incidents/schema";
import { formatInZone } from "@/server/maintenance/time";

type BoundAction = (updateId: string) => (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

const meta = "text-xs text-zinc-600 dark:text-zinc-400";

/** What the world sees: published public updates, with who wrote and who published each, and edits. */
export function PublicTimeline({ updates, timeZone, editAction }: { updates: UpdateView[]; timeZone: string; editAction: BoundAction | null }) {
  const published = updates.filter((u) => u.kind === "public_update" && u.state === "published");
  if (published.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing is public yet.</p>;
  return (
    <ol className="space-y-3">
      {published.map((u) => (
        <li key={u.id} data-testid="public-update" data-status={u.status} className="min-w-0 space-y-1 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <p className="text-sm font-semibold">{UPDATE_STATUS_LABELS[u.status]}</p>
          <p className="whitespace-pre-wrap break-words">{u.body}</p>
          {u.components.length > 0 ? (
            <ul className="text-sm">
              {u.components.map((c) => (
                <li key={c.componentId}>
                  {c.name}: {COMPONENT_STATUS_LABELS[c.oldStatus]} → {COMPONENT_STATUS_LABELS[c.newStatus]}
                </li>
              ))}
            </ul>
          ) : null}
          <p className={meta}>
            Posted {formatInZone(u.displayAt, timeZone)} · written by {u.author?.name ?? "unknown"} · published by {u.approver?.name ?? "unknown"}
            {u.deliverNotifications ? "" : " · subscribers not notified"}
          </p>
          {u.revisions.length > 0 ? (
            <details data-testid="revisions">
              <summary className="min-h-10 cursor-pointer py-2 text-sm">Edited {u.revisions.length} time{u.revisions.length === 1 ? "" : "s"}: history</summary>
              <ol className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
                {u.revisions.map((r) => (
                  <li key={r.id} className="text-sm">
                    <p className={meta}>
                      Before {r.editor?.name ?? "someone"}&apos;s edit on {formatInZone(r.createdAt, timeZone)} ({UPDATE_STATUS_LABELS[r.status]}):
                    </p>
                    <p className="whitespace-pre-wrap break-words">{r.body}</p>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {editAction ? (
            <details>
              <summary className="min-h-10 cursor-pointer py-2 text-sm">Correct this update</summary>
              <EditPublishedForm action={editAction(u.id)} idPrefix={`edit-${u.id}`} values={{ body: u.body, status: u.status }} />
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const ACTIVITY: Record<string, string> = {
  "incident.create": "opened the incident",
  "incident.edit": "changed the incident's settings",
  "incident.assign_commander": "changed the commander",
  "incident.assign_comms_lead": "changed the comms lead",
  "incident.note": "added a note",
  "incident.draft_update": "drafted a public update",
  "incident.edit_draft": "edited a draft",
  "incident.discard_draft": "discarded a draft",
  "incident.publish": "published the incident",
  "incident.publish_update": "published an update",
  "incident.edit_published_update": "corrected a published update",
  "incident.postmortem_save": "saved the postmortem",
  "incident.postmortem_publish": "published the postmortem",
  "incident.cadence_overdue": "reminded the comms lead: update overdue",
};

type Entry = { at: string; key: string; node: React.ReactNode };

/** Staff only: notes, drafts with their authors, and who did what, newest first. */
export function InternalTimeline({ updates, activity, timeZone }: { updates: UpdateView[]; activity: IncidentActivity[]; timeZone: string }) {
  const entries: Entry[] = [
    ...updates
      .filter((u) => u.kind === "internal_note" || u.state === "draft")
      .map((u) => ({
        at: u.createdAt,
        key: u.id,
        node: (
          <li key={u.id} data-testid="internal-entry" data-kind={u.kind === "internal_note" ? "note" : "draft"} className="min-w-0 space-y-1 p-3">
            <p className={meta}>
              {formatInZone(u.createdAt, timeZone)} · {u.author?.name ?? "unknown"} · {u.kind === "internal_note" ? "note" : `draft (${UPDATE_STATUS_LABELS[u.status]})`}
            </p>
            <p className="whitespace-pre-wrap break-words">{u.body}</p>
          </li>
        ),
      })),
    ...activity.map((a) => ({
      at: a.at,
      key: `a${a.id}`,
      node: (
        <li key={`a${a.id}`} data-testid="activity" className={`p-3 ${meta}`}>
          {formatInZone(a.at, timeZone)} · {a.actor ?? "someone"} {ACTIVITY[a.action] ?? a.action}
        </li>
      ),
    })),
  ].sort((x, y) => y.at.localeCompare(x.at));
  return <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">{entries.map((e) => e.node)}</ol>;
}
