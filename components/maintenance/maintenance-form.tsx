"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextArea } from "@/components/ui/text-area";
import type { ActionResult } from "@/lib/action-result";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export interface PickableComponent {
  id: string;
  name: string;
  groupName: string | null;
}

export interface MaintenanceFormValues {
  name: string;
  body: string;
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the page's time zone. */
  scheduledFor: string;
  scheduledUntil: string;
  componentIds: string[];
  autoStart: boolean;
  autoComplete: boolean;
}

/**
 * Schedules a window, or edits one. Once a window has started only its wording can change, so
 * `wordingOnly` hides the times, components and automation.
 */
export function MaintenanceForm({
  action,
  components,
  values,
  timeZone,
  submitLabel,
  wordingOnly = false,
}: {
  action: FormAction;
  components: PickableComponent[];
  values: MaintenanceFormValues;
  timeZone: string;
  submitLabel: string;
  wordingOnly?: boolean;
}) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  const created = result?.ok && typeof result.data === "object" && result.data && "id" in result.data ? String(result.data.id) : null;
  const groups = [...new Set(components.map((c) => c.groupName ?? "Not in a group"))];
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={submitLabel}>
      <Field label="Title" name="name" required maxLength={200} defaultValue={values.name} errors={errors("name")} placeholder="e.g. Database storage upgrade" />
      <TextArea label="Message (public, Markdown)" name="body" rows={4} maxLength={10_000} defaultValue={values.body} errors={errors("body")} hint="What will happen and what users will notice." />
      {wordingOnly ? null : (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={`Starts (${timeZone})`} name="scheduledFor" type="datetime-local" required defaultValue={values.scheduledFor} errors={errors("scheduledFor")} />
            <Field label={`Ends (${timeZone})`} name="scheduledUntil" type="datetime-local" required defaultValue={values.scheduledUntil} errors={errors("scheduledUntil")} />
          </div>
          <fieldset className="space-y-1" aria-describedby="componentIds-error">
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
            <p id="componentIds-error" className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
              {errors("componentIds")?.join(" ")}
            </p>
          </fieldset>
          <Checkbox name="autoStart" label="Start automatically at the start time" defaultChecked={values.autoStart} hint="Components show Under Maintenance during the window." />
          <Checkbox name="autoComplete" label="Complete automatically at the end time" defaultChecked={values.autoComplete} hint="Each component then returns to the status it had before." />
        </>
      )}
      <FormStatus result={result} success={created ? "Maintenance scheduled." : "Saved."} />
      {created ? (
        <p>
          <Link className="underline" href={`/console/maintenance/${created}`}>
            Open the new window
          </Link>
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
