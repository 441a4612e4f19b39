"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatus } from "@/server/components/status";
import { UPDATE_STATUS_LABELS, UPDATE_STATUSES, type TemplateView, type UpdateStatus } from "@/server/incidents/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export interface UpdateFormValues {
  body: string;
  status: UpdateStatus;
  /** Proposed new status per component id. */
  changes: Record<string, ComponentStatus>;
  deliverNotifications: boolean;
}

/**
 * A public update: a new one (draft it, or publish it at once) or an existing draft (save it, or
 * publish it with these edits). Roles that may not publish see the button disabled with the reason;
 * the server refuses them anyway.
 */
export function UpdateForm({
  action,
  idPrefix,
  label,
  components,
  templates = [],
  values,
  timeZone,
  canDraft,
  canPublish,
  publishLabel,
  canDiscard = false,
}: {
  action: FormAction;
  idPrefix: string;
  label: string;
  components: { id: string; name: string; status: ComponentStatus }[];
  templates?: TemplateView[];
  values: UpdateFormValues;
  timeZone: string;
  canDraft: boolean;
  canPublish: boolean;
  publishLabel: string;
  /** An existing draft may be thrown away. */
  canDiscard?: boolean;
}) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: idPrefix === "new" });
  const [status, setStatus] = useState<string>(values.status);
  const applyTemplate = (templateId: string) => {
    const t = templates.find((x) => x.id === templateId);
    const field = formRef.current?.elements.namedItem("body");
    if (!t || !(field instanceof HTMLTextAreaElement)) return;
    field.value = t.body;
    if (t.status !== "postmortem") setStatus(t.status);
  };
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={label}>
      {templates.length > 0 ? (
        <Select id={id("template")} label="Template" name="_template" defaultValue="" onChange={(e) => applyTemplate(e.target.value)} options={[{ value: "", label: "Choose a template…" }, ...templates.map((t) => ({ value: t.id, label: t.name }))]} />
      ) : null}
      <Select id={id("status")} label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value)} options={UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_STATUS_LABELS[s] }))} />
      <TextArea id={id("body")} label="Message (public, Markdown)" name="body" required rows={4} maxLength={10_000} defaultValue={values.body} errors={errors("body")} />
      {components.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Component status</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {components.map((c) => (
              <Select
                key={c.id}
                id={id(`component-${c.id}`)}
                label={c.name}
                name={`component:${c.id}`}
                defaultValue={values.changes[c.id] ?? ""}
                options={[{ value: "", label: `Leave as is (${COMPONENT_STATUS_LABELS[c.status]})` }, ...COMPONENT_STATUSES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABELS[s] }))]}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {status === "resolved" ? (
        <Checkbox name="restoreComponents" label="Return the other affected components to operational" defaultChecked hint="Untick to leave their status as it is." />
      ) : null}
      <details>
        <summary className="min-h-10 cursor-pointer py-2 text-sm">More options</summary>
        <div className="space-y-2">
          <Field id={id("displayAt")} label={`Posted at (${timeZone}; leave empty for now)`} name="displayAt" type="datetime-local" errors={errors("displayAt")} hint="A past time back-fills the timeline." />
          <Checkbox name="deliverNotifications" label="Notify subscribers when published" defaultChecked={values.deliverNotifications} />
        </div>
      </details>
      <FormStatus result={result} success="Saved." />
      <div className="flex flex-wrap gap-2">
        {canDraft ? (
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
            Save draft
          </Button>
        ) : null}
        <Button type="submit" name="intent" value="publish" disabled={pending || !canPublish} aria-describedby={canPublish ? undefined : id("publish-note")}>
          {publishLabel}
        </Button>
        {canDiscard ? (
          <Button type="submit" name="intent" value="discard" variant="danger" formNoValidate disabled={pending}>
            Discard draft
          </Button>
        ) : null}
      </div>
      {canPublish ? null : (
        <p id={id("publish-note")} data-testid="publish-refused" className="text-sm text-zinc-600 dark:text-zinc-400">
          Only a communicator can publish. Save a draft; the comms lead publishes it.
        </p>
      )}
    </form>
  );
}
