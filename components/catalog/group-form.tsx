"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/action-result";
import type { AdminGroup } from "@/server/components/admin/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function GroupForm({ action, group, idPrefix, submitLabel }: { action: FormAction; group?: AdminGroup; idPrefix: string; submitLabel: string }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: !group });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={submitLabel}>
      <Field id={`${idPrefix}-name`} label="Group name" name="name" required maxLength={120} defaultValue={group?.name} errors={errors("name")} />
      <TextArea id={`${idPrefix}-description`} label="Description (public)" name="description" maxLength={500} rows={2} defaultValue={group?.description ?? ""} errors={errors("description")} />
      <FormStatus result={result} success="Saved." />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
