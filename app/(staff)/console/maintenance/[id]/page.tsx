import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MaintenanceForm } from "@/components/maintenance/maintenance-form";
import { ExtendForm, StateChangeForm, UpdateForm } from "@/components/maintenance/window-controls";
import { statusLabel, WindowTimes } from "@/components/maintenance/window-summary";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import { changeMaintenanceStateAction, editMaintenanceAction, extendMaintenanceAction, postMaintenanceUpdateAction } from "@/server/maintenance/actions";
import { getMaintenance } from "@/server/maintenance/data";
import { allowedActions, isActive } from "@/server/maintenance/rules";
import { MAINTENANCE_STATUS_LABELS } from "@/server/maintenance/schema";
import { formatInZone, utcToZonedLocal } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Maintenance window" };

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function MaintenanceWindowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage("maintenance.manage", `/console/maintenance/${id}`);
  const [m, { timeZone }, components] = await Promise.all([getMaintenance(id), getPageSettings(), listActiveComponents()]);
  if (!m) notFound();
  const can = allowedActions({ status: m.status, cancelledAt: m.cancelledAt ? new Date(m.cancelledAt) : null });
  const running = isActive(m.status);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/console/maintenance" className="underline">
          ← All maintenance
        </Link>
      </p>
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-bold">{m.name}</h1>
          <span data-testid="maintenance-status" className="rounded bg-zinc-200 px-2 py-0.5 text-sm dark:bg-zinc-800">
            {statusLabel(m)}
          </span>
        </div>
        <WindowTimes window={m} timeZone={timeZone} />
        <p className="text-sm">
          Affects: {m.components.map((c) => c.name).join(", ")} · {m.autoStart ? "starts automatically" : "started by hand"} ·{" "}
          {m.autoComplete ? "completes automatically" : "ended by hand"}
        </p>
        {m.body ? <p className="whitespace-pre-wrap text-sm">{m.body}</p> : null}
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        {can.postUpdate ? (
          <Panel title="Post an update">
            <UpdateForm action={postMaintenanceUpdateAction.bind(null, m.id)} running={running} />
          </Panel>
        ) : null}
        {can.start ? (
          <Panel title="Start now">
            <StateChangeForm action={changeMaintenanceStateAction.bind(null, m.id, "start")} label="Start maintenance now" placeholder="Scheduled maintenance is currently in progress." />
          </Panel>
        ) : null}
        {can.end ? (
          <Panel title="End now">
            <StateChangeForm action={changeMaintenanceStateAction.bind(null, m.id, "end")} label="End maintenance now" placeholder="The scheduled maintenance has been completed." />
          </Panel>
        ) : null}
        {can.extend ? (
          <Panel title={running ? "Extend" : "Change the end time"}>
            <ExtendForm action={extendMaintenanceAction.bind(null, m.id)} until={utcToZonedLocal(new Date(m.scheduledUntil), timeZone)} timeZone={timeZone} />
          </Panel>
        ) : null}
        {can.cancel ? (
          <Panel title="Cancel">
            <StateChangeForm action={changeMaintenanceStateAction.bind(null, m.id, "cancel")} label="Cancel maintenance" placeholder="This scheduled maintenance has been cancelled." danger />
          </Panel>
        ) : null}
      </div>

      <section aria-labelledby="timeline" className="space-y-2">
        <h2 id="timeline" className="text-lg font-semibold">
          Updates
        </h2>
        <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {m.updates.map((u) => (
            <li key={u.id} className="space-y-1 p-3" data-testid="maintenance-update">
              <p className="text-sm">
                <span className="font-medium">{MAINTENANCE_STATUS_LABELS[u.status]}</span>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">
                  · {formatInZone(u.displayAt, timeZone)}
                  {u.author ? ` · ${u.author}` : " · automatic"}
                </span>
              </p>
              <p className="whitespace-pre-wrap">{u.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <details className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
        <summary className="cursor-pointer font-semibold">{can.editSchedule ? "Edit the window" : "Edit the wording"}</summary>
        <div className="pt-3">
          <MaintenanceForm
            action={editMaintenanceAction.bind(null, m.id)}
            components={components}
            timeZone={timeZone}
            submitLabel="Save changes"
            wordingOnly={!can.editSchedule}
            values={{
              name: m.name,
              body: m.body,
              scheduledFor: utcToZonedLocal(new Date(m.scheduledFor), timeZone),
              scheduledUntil: utcToZonedLocal(new Date(m.scheduledUntil), timeZone),
              componentIds: m.components.map((c) => c.id),
              autoStart: m.autoStart,
              autoComplete: m.autoComplete,
            }}
          />
        </div>
      </details>
    </div>
  );
}
