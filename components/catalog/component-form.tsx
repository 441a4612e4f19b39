"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/action-result";
import type { AdminComponent, AdminGroup } from "@/server/components/admin/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** Creates or edits a component. Internal fields are grouped apart and never shown publicly. */
export function ComponentForm({
  action,
  groups,
  component,
  idPrefix,
  submitLabel,
}: {
  action: FormAction;
  groups: AdminGroup[];
  component?: AdminComponent;
  idPrefix: string;
  submitLabel: string;
}) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: !component });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={submitLabel}>
      <Field id={id("name")} label="Name" name="name" required maxLength={120} defaultValue={component?.name} errors={errors("name")} />
      <TextArea id={id("description")} label="Description (public)" name="description" maxLength={500} rows={2} defaultValue={component?.description ?? ""} errors={errors("description")} />
      <Select
        id={id("groupId")}
        label="Group"
        name="groupId"
        defaultValue={component?.groupId ?? ""}
        errors={errors("groupId")}
        options={[{ value: "", label: "No group" }, ...groups.filter((g) => !g.archivedAt).map((g) => ({ value: g.id, label: g.name }))]}
      />
      <Checkbox id={id("showcase")} name="showcase" label="Show on the public page" defaultChecked={component?.showcase ?? true} />
      <Checkbox
        id={id("onlyShowIfDegraded")}
        name="onlyShowIfDegraded"
        label="Only show while it is not operational"
        defaultChecked={component?.onlyShowIfDegraded ?? false}
      />
      <Field id={id("startDate")} label="Show uptime from" name="startDate" type="date" defaultValue={component?.startDate ?? ""} errors={errors("startDate")} hint="Leave empty to show it since the component was created." />
      <fieldset className="space-y-3 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
        <legend className="px-1 text-sm font-medium">Internal (staff only, never public)</legend>
        <Field id={id("ownerTeam")} label="Owner team" name="ownerTeam" maxLength={120} defaultValue={component?.ownerTeam ?? ""} errors={errors("ownerTeam")} />
        <TextArea id={id("contacts")} label="Contacts" name="contacts" maxLength={1000} rows={2} defaultValue={component?.contacts ?? ""} errors={errors("contacts")} hint="Names, chat channels, pager rotation." />
        <Field id={id("runbookUrl")} label="Runbook link" name="runbookUrl" type="url" defaultValue={component?.runbookUrl ?? ""} errors={errors("runbookUrl")} placeholder="https://" />
      </fieldset>
      <FormStatus result={result} success="Saved." />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
