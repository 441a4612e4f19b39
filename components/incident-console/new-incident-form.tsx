"use client";

import { useState } from "react";
import type { PickableComponent } from "@/components/maintenance/maintenance-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { IMPACT_LABELS, IMPACTS, UPDATE_STATUS_LABELS, type TemplateView } from "@/server/incidents/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export interface NewIncidentValues {
  name: string;
  details: string;
  componentIds: string[];
}

/**
 * Opens an internal incident, from scratch or from a template (which fills in the name and impact and
 * starts a draft public update with its text). The probes link here with the fields pre-filled.
 */
export function NewIncidentForm({ action, components, templates, values }: { action: FormAction; components: PickableComponent[]; templates: TemplateView[]; values: NewIncidentValues }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  const [templateId, setTemplateId] = useState("");
  const [name, setName] = useState(values.name);
  const [impact, setImpact] = useState("minor");
  const template = templates.find((t) => t.id === templateId);
  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const chosen = templates.find((t) => t.id === id);
    if (chosen?.incidentName && !name) setName(chosen.incidentName);
    if (chosen) setImpact(chosen.impact);
  };
  const groups = [...new Set(components.map((c) => c.groupName ?? "Not in a group"))];
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Open an incident">
      <Select
        id="templateId"
        label="Start from a template (optional)"
        name="templateId"
        value={templateId}
        onChange={(e) => chooseTemplate(e.target.value)}
        options={[{ value: "", label: "From scratch" }, ...templates.map((t) => ({ value: t.id, label: `${t.name} (${UPDATE_STATUS_LABELS[t.status]})` }))]}
      />
      {template ? (
        <p className="rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900" data-testid="template-preview">
          Draft public update: {template.body}
        </p>
      ) : null}
      <Field label="Name" name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} errors={errors("name")} placeholder="e.g. 502 errors on the website" />
      <Select label="Impact" name="impact" value={impact} onChange={(e) => setImpact(e.target.value)} options={IMPACTS.map((i) => ({ value: i, label: IMPACT_LABELS[i] }))} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Affected components</legend>
        {groups.map((group) => (
          <div key={group}>
            <p className="pt-2 text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{group}</p>
            <div className="grid sm:grid-cols-2">
              {components
                .filter((c) => (c.groupName ?? "Not in a group") === group)
                .map((c) => (
                  <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} defaultChecked={values.componentIds.includes(c.id)} />
                ))}
            </div>
          </div>
        ))}
        <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
          {errors("componentIds")?.join(" ")}
        </p>
      </fieldset>
      <TextArea label="What do we know? (internal note)" name="details" rows={4} maxLength={10_000} defaultValue={values.details} errors={errors("details")} hint="Staff only: becomes the first note on the internal timeline." />
      <FormStatus result={result} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        Open internal incident
      </Button>
    </form>
  );
}
