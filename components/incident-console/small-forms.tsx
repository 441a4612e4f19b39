"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { IMPACT_LABELS, IMPACTS, UPDATE_STATUS_LABELS, UPDATE_STATUSES, type Impact, type IncidentStatus } from "@/server/incidents/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** Commander or comms lead: "Assign me" in one tap, or anyone eligible from the list. */
export function AssignForm({
  action,
  role,
  current,
  me,
  people,
}: {
  action: FormAction;
  role: "commander" | "comms_lead";
  current: { id: string; name: string } | null;
  me: { id: string; eligible: boolean };
  people: { id: string; name: string }[];
}) {
  const { result, pending, formRef, onSubmit } = useFormAction(action);
  const title = role === "commander" ? "Commander" : "Comms lead";
  const testId = role === "commander" ? "commander" : "comms-lead";
  return (
    <div className="space-y-2">
      <p className="text-sm">
        <span className="font-medium">{title}:</span> <span data-testid={testId}>{current?.name ?? "unassigned"}</span>
      </p>
      {me.eligible && current?.id !== me.id ? (
        <form onSubmit={onSubmit} aria-label={`Assign me as ${title.toLowerCase()}`}>
          <input type="hidden" name="userId" value={me.id} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Assign me as {title.toLowerCase()}
          </Button>
        </form>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={`Choose the ${title.toLowerCase()}`}>
        <div className="min-w-0 flex-1">
          <Select id={`${role}-user`} label={`Choose the ${title.toLowerCase()}`} name="userId" defaultValue={current?.id ?? ""} options={[{ value: "", label: "Nobody" }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending} className="mb-6">
          Assign
        </Button>
      </form>
      <FormStatus result={result} />
    </div>
  );
}

export function IncidentSettingsForm({ action, values, defaultCadence }: { action: FormAction; values: { name: string; impact: Impact; cadence: number | null }; defaultCadence: number }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Incident settings">
      <Field id="settings-name" label="Name" name="name" required maxLength={200} defaultValue={values.name} errors={errors("name")} />
      <Select id="settings-impact" label="Impact" name="impact" defaultValue={values.impact} options={IMPACTS.map((i) => ({ value: i, label: IMPACT_LABELS[i] }))} />
      <Field
        id="settings-cadence"
        label="Minutes between public updates"
        name="updateCadenceMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={1440}
        defaultValue={values.cadence ?? ""}
        placeholder={`Default for the impact (${defaultCadence})`}
        errors={errors("updateCadenceMinutes")}
      />
      <FormStatus result={result} success="Saved." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save settings
      </Button>
    </form>
  );
}

export function ComponentsForm({ action, components, selected }: { action: FormAction; components: { id: string; name: string }[]; selected: string[] }) {
  const { result, pending, formRef, onSubmit } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Affected components">
      <div className="grid sm:grid-cols-2">
        {components.map((c) => (
          <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} defaultChecked={selected.includes(c.id)} />
        ))}
      </div>
      <FormStatus result={result} success="Saved." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save components
      </Button>
    </form>
  );
}

export function NoteForm({ action }: { action: FormAction }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Add an internal note">
      <TextArea id="note-body" label="Internal note (staff only)" name="body" required rows={2} maxLength={10_000} errors={errors("body")} />
      <FormStatus result={result} success="Note added." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Add note
      </Button>
    </form>
  );
}

/** Corrects a published update; the earlier text is kept and shown as a revision. */
export function EditPublishedForm({ action, idPrefix, values }: { action: FormAction; idPrefix: string; values: { body: string; status: IncidentStatus } }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Edit the published update">
      <Select id={`${idPrefix}-status`} label="Status" name="status" defaultValue={values.status} options={UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_STATUS_LABELS[s] }))} />
      <TextArea id={`${idPrefix}-body`} label="Message (public)" name="body" required rows={3} defaultValue={values.body} errors={errors("body")} />
      <FormStatus result={result} success="Saved; the earlier text is kept in the history." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save correction
      </Button>
    </form>
  );
}
