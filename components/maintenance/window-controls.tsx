"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/action-result";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** Updates and messages clear once posted; a refused one keeps its text. */
const useForm = (action: FormAction) => useFormAction(action, { resetOnSuccess: true });

/** A public update; a running window can also move between in progress and verifying. */
export function UpdateForm({ action, running }: { action: FormAction; running: boolean }) {
  const { result, pending, formRef, onSubmit, errors } = useForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Post an update">
      <TextArea id="update-body" label="Update (public, Markdown)" name="body" required rows={3} errors={errors("body")} />
      {running ? (
        <Select
          id="update-status"
          label="Status"
          name="status"
          options={[
            { value: "", label: "Keep the current status" },
            { value: "in_progress", label: "In progress" },
            { value: "verifying", label: "Verifying" },
          ]}
        />
      ) : null}
      <FormStatus result={result} success="Update posted." />
      <Button type="submit" disabled={pending}>
        Post update
      </Button>
    </form>
  );
}

export function ExtendForm({ action, until, timeZone }: { action: FormAction; until: string; timeZone: string }) {
  const { result, pending, formRef, onSubmit, errors } = useForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Change the end time">
      <Field id="extend-until" label={`New end (${timeZone})`} name="scheduledUntil" type="datetime-local" required defaultValue={until} errors={errors("scheduledUntil")} />
      <TextArea id="extend-body" label="Message (optional, public)" name="body" rows={2} placeholder="The maintenance window has been extended." />
      <FormStatus result={result} success="End time changed." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Change end time
      </Button>
    </form>
  );
}

/** Start now, end now or cancel, with an optional public message. */
export function StateChangeForm({ action, label, placeholder, danger = false }: { action: FormAction; label: string; placeholder: string; danger?: boolean }) {
  const { result, pending, formRef, onSubmit } = useForm(action);
  const id = label.toLowerCase().replace(/\W+/g, "-");
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={label}>
      <TextArea id={`${id}-body`} label="Message (optional, public)" name="body" rows={2} placeholder={placeholder} />
      <FormStatus result={result} success="Done." />
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
