"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/action-result";
import type { AdminGroup } from "@/server/components/admin/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function GroupForm({ action, group, idPrefix, submitLabel }: { action: FormAction; group?: AdminGroup; idPrefix: string; submitLabel: string }) {
  const [result, run, pending] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  return (
    <form action={run} className="space-y-3" aria-label={submitLabel}>
      <Field id={`${idPrefix}-name`} label="Group name" name="name" required maxLength={120} defaultValue={group?.name} errors={fieldErrors(result, "name")} />
      <TextArea id={`${idPrefix}-description`} label="Description (public)" name="description" maxLength={500} rows={2} defaultValue={group?.description ?? ""} errors={fieldErrors(result, "description")} />
      <FormStatus result={result} success="Saved." />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
