import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentBadges } from "@/components/incident-console/badges";
import { Countdown } from "@/components/incident-console/countdown";
import { PostmortemForm, PublishPostmortemButton } from "@/components/incident-console/postmortem-form";
import { AssignForm, ComponentsForm, IncidentSettingsForm, NoteForm } from "@/components/incident-console/small-forms";
import { InternalTimeline, PublicTimeline } from "@/components/incident-console/timelines";
import { UpdateForm } from "@/components/incident-console/update-form";
import { listUsersWithRole } from "@/server/auth/data";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import {
  addNoteAction,
  assignIncidentAction,
  composeUpdateAction,
  editIncidentAction,
  editPublishedUpdateAction,
  publishPostmortemAction,
  saveDraftAction,
  savePostmortemAction,
  setIncidentComponentsAction,
} from "@/server/incidents/actions";
import { getIncident, listIncidentActivity, listTemplates } from "@/server/incidents/data";
import { DEFAULT_CADENCE_MINUTES } from "@/server/incidents/rules";
import type { UpdateStatus } from "@/server/incidents/schema";
import { formatInZone } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Incident" };

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="min-w-0 space-y-3 rounded-md border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function IncidentConsolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requireStaffPage("console.view", `/console/incidents/${id}`);
  const [incident, activity, { timeZone }, templates, responders, communicators, allComponents] = await Promise.all([
    getIncident(id),
    listIncidentActivity(id),
    getPageSettings(),
    listTemplates(),
    listUsersWithRole("responder"),
    listUsersWithRole("communicator"),
    listActiveComponents(),
  ]);
  if (!incident) notFound();
  const may = (p: Parameters<typeof can>[1]) => can(user.roles, p);
  const now = new Date();
  const open = !incident.resolvedAt;
  const drafts = incident.updates.filter((u) => u.kind === "public_update" && u.state === "draft");
  const latestStatus: UpdateStatus = incident.status === "postmortem" ? "resolved" : incident.status;
  const publishLabel = incident.visibility === "internal" ? "Publish incident" : "Publish update";
  const people = (list: typeof responders) => list.map((p) => ({ id: p.id, name: p.name }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/console/incidents" className="inline-block py-2 underline">
          ← All incidents
        </Link>
      </p>
      <header className="min-w-0 space-y-2">
        <h1 className="break-words text-xl font-bold">{incident.name}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <IncidentBadges status={incident.status} impact={incident.impact} visibility={incident.visibility} />
          {incident.nextUpdateDueAt && open ? <Countdown dueAt={incident.nextUpdateDueAt} serverNow={now.toISOString()} /> : null}
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Opened {formatInZone(incident.startedAt, timeZone)} by {incident.createdBy?.name ?? "unknown"}
          {incident.publishedAt ? ` · public since ${formatInZone(incident.publishedAt, timeZone)}` : " · internal: not on the public page"}
          {incident.visibility === "published" ? (
            <>
              {" · "}
              <Link className="underline" href={`/incidents/${incident.id}`}>
                public page
              </Link>
            </>
          ) : null}
        </p>
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="People">
          <AssignForm action={assignIncidentAction.bind(null, id, "commander")} role="commander" current={incident.commander} me={{ id: user.id, eligible: user.roles.includes("responder") && may("incident.assign") }} people={people(responders)} />
          <AssignForm action={assignIncidentAction.bind(null, id, "comms_lead")} role="comms_lead" current={incident.commsLead} me={{ id: user.id, eligible: user.roles.includes("communicator") && may("incident.assign") }} people={people(communicators)} />
        </Panel>
        {may("incident.draft_update") ? (
          <Panel title="New public update" testId="compose">
            <UpdateForm
              action={composeUpdateAction.bind(null, id)}
              idPrefix="new"
              label="New public update"
              components={incident.components}
              templates={templates}
              values={{ body: "", status: latestStatus, changes: {}, deliverNotifications: true }}
              timeZone={timeZone}
              canDraft={may("incident.draft_update")}
              canPublish={may("incident.publish")}
              publishLabel={publishLabel}
            />
          </Panel>
        ) : null}
      </div>

      {drafts.length > 0 ? (
        <section aria-labelledby="drafts" className="space-y-3">
          <h2 id="drafts" className="text-lg font-semibold">
            Drafts awaiting publication
          </h2>
          {drafts.map((d) => (
            <div key={d.id} data-testid="draft" className="min-w-0 space-y-2 rounded-md border border-dashed border-zinc-400 p-3 dark:border-zinc-600">
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Draft by {d.author?.name ?? "unknown"} · {formatInZone(d.createdAt, timeZone)}
              </p>
              <UpdateForm
                action={saveDraftAction.bind(null, id, d.id)}
                idPrefix={`draft-${d.id}`}
                label={`Draft by ${d.author?.name ?? "unknown"}`}
                components={incident.components}
                values={{ body: d.body, status: d.status === "postmortem" ? "resolved" : d.status, changes: Object.fromEntries(d.components.map((c) => [c.componentId, c.newStatus])), deliverNotifications: d.deliverNotifications }}
                timeZone={timeZone}
                canDraft={may("incident.draft_update")}
                canPublish={may("incident.publish")}
                publishLabel={publishLabel}
                canDiscard={may("incident.draft_update")}
              />
            </div>
          ))}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="public-timeline" className="min-w-0 space-y-3">
          <h2 id="public-timeline" className="text-lg font-semibold">
            Public timeline
          </h2>
          <PublicTimeline updates={incident.updates} timeZone={timeZone} editAction={may("incident.publish") ? (updateId) => editPublishedUpdateAction.bind(null, id, updateId) : null} />
        </section>
        <section aria-labelledby="internal-timeline" className="min-w-0 space-y-3">
          <h2 id="internal-timeline" className="text-lg font-semibold">
            Internal timeline
          </h2>
          {may("incident.note") ? <NoteForm action={addNoteAction.bind(null, id)} /> : null}
          <InternalTimeline updates={incident.updates} activity={activity} timeZone={timeZone} />
        </section>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        {may("incident.set_impact") ? (
          <Panel title="Settings">
            <IncidentSettingsForm action={editIncidentAction.bind(null, id)} values={{ name: incident.name, impact: incident.impact, cadence: incident.cadenceOverride }} defaultCadence={DEFAULT_CADENCE_MINUTES[incident.impact]} />
          </Panel>
        ) : null}
        {may("incident.set_components") ? (
          <Panel title="Affected components">
            <ComponentsForm action={setIncidentComponentsAction.bind(null, id)} components={allComponents} selected={incident.components.map((c) => c.id)} />
          </Panel>
        ) : null}
      </div>

      <Panel title="Postmortem" testId="postmortem-panel">
        <p className="text-sm" data-testid="postmortem-state">
          {incident.postmortem.publishedAt ? `Published ${formatInZone(incident.postmortem.publishedAt, timeZone)}` : "Not published"}
        </p>
        <PostmortemForm
          action={savePostmortemAction.bind(null, id)}
          body={incident.postmortem.body}
          items={incident.postmortem.actionItems}
          canSave={incident.postmortem.publishedAt ? may("incident.postmortem_publish") : may("incident.postmortem_edit")}
        />
        {!incident.postmortem.publishedAt && may("incident.postmortem_publish") && incident.resolvedAt && incident.visibility === "published" ? (
          <PublishPostmortemButton action={publishPostmortemAction.bind(null, id)} />
        ) : null}
      </Panel>
    </div>
  );
}
