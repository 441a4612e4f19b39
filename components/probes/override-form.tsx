"use client";

import { useEffect, useRef, useTransition, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { liftOverrideAction } from "@/server/probes/actions";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS } from "@/server/components/status";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** A communicator's override: a status, an internal reason, an optional expiry (in the browser's time). */
export function OverrideForm({ componentId, action, active }: { componentId: string; action: FormAction; active: boolean }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  const offsetRef = useRef<HTMLInputElement>(null);
  const [lifting, startLift] = useTransition();
  const [liftError, setLiftError] = useState<string | null>(null);
  useEffect(() => {
    if (offsetRef.current) offsetRef.current.value = String(new Date().getTimezoneOffset());
  }, []);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Override status">
      <input ref={offsetRef} type="hidden" name="tzOffset" defaultValue="0" />
      <Select id={`override-status-${componentId}`} label="Status" name="status" options={COMPONENT_STATUSES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABELS[s] }))} />
      <TextArea id={`override-reason-${componentId}`} label="Reason (internal, never public)" name="reason" required rows={2} errors={errors("reason")} />
      <Field id={`override-expires-${componentId}`} label="Ends at (optional)" name="expiresAt" type="datetime-local" errors={errors("expiresAt")} hint="Empty: until lifted." />
      <FormStatus result={result} success="Override set." />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          Set override
        </Button>
        {active ? (
          <Button
            type="button"
            variant="secondary"
            disabled={lifting}
            onClick={() =>
              startLift(async () => {
                const r = await liftOverrideAction(componentId);
                setLiftError(r.ok ? null : r.error.message);
              })
            }
          >
            Lift override
          </Button>
        ) : null}
      </div>
      {liftError ? <p className="text-sm text-red-700">{liftError}</p> : null}
    </form>
  );
}
