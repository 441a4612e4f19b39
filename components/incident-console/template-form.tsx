"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { IMPACT_LABELS, IMPACTS, UPDATE_STATUS_LABELS, UPDATE_STATUSES, type TemplateView } from "@/server/incidents/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** Adds a template (no `template`) or edits and removes one. */
export function TemplateForm({ action, template }: { action: FormAction; template?: TemplateView }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: !template });
  const p = template?.id ?? "new";
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={template ? `Template ${template.name}` : "Add a template"}>
      <Field id={`${p}-name`} label="Template name" name="name" required maxLength={100} defaultValue={template?.name} errors={errors("name")} />
      <Field id={`${p}-incidentName`} label="Suggested incident name (optional)" name="incidentName" maxLength={200} defaultValue={template?.incidentName} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={`${p}-status`} label="Status" name="status" defaultValue={template?.status ?? "investigating"} options={UPDATE_STATUSES.map((s) => ({ value: s, label: UPDATE_STATUS_LABELS[s] }))} />
        <Select id={`${p}-impact`} label="Impact" name="impact" defaultValue={template?.impact ?? "minor"} options={IMPACTS.map((i) => ({ value: i, label: IMPACT_LABELS[i] }))} />
      </div>
      <TextArea id={`${p}-body`} label="Message (public, Markdown)" name="body" required rows={3} defaultValue={template?.body} errors={errors("body")} />
      <FormStatus result={result} success={template ? "Saved." : "Template added."} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {template ? "Save template" : "Add template"}
        </Button>
        {template ? (
          <Button type="submit" name="intent" value="delete" variant="danger" disabled={pending}>
            Remove
          </Button>
        ) : null}
      </div>
    </form>
  );
}
