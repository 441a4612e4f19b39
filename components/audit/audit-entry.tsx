import { auditDiff } from "@/server/audit/diff";
import type { AuditEntryView } from "@/server/audit/schema";

/** One audit entry: who, when, what, and a field-by-field before/after. */
export function AuditEntry({ entry, when }: { entry: AuditEntryView; when: string }) {
  const lines = auditDiff(entry.before, entry.after);
  const who = entry.actor ? `${entry.actor.name} (${entry.actor.email})` : entry.actorKind;
  return (
    <li className="space-y-2 p-3" data-testid="audit-entry" data-action={entry.action}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="font-medium">
          <code>{entry.action}</code> <span className="text-sm text-zinc-600 dark:text-zinc-400">on {entry.entityType} {entry.entityId}</span>
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={entry.at}>{when}</time> · {who}
          {entry.actor ? ` via ${entry.actorKind === "token" ? "API token" : entry.actorKind === "user" ? "console" : entry.actorKind}` : ""}
        </p>
      </div>
      {lines.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="w-1/5 py-1 pr-2 font-medium">Field</th>
                <th scope="col" className="py-1 pr-2 font-medium">Before</th>
                <th scope="col" className="py-1 font-medium">After</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.field} className="align-top">
                  <th scope="row" className="py-1 pr-2 font-mono text-xs font-normal">{l.field}</th>
                  <td className="break-all py-1 pr-2 text-red-800 dark:text-red-300">{l.before === null ? "" : <del className="no-underline">{l.before}</del>}</td>
                  <td className="break-all py-1 text-green-800 dark:text-green-300">{l.after === null ? "" : <ins className="no-underline">{l.after}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}
