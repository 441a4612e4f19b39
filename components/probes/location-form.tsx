"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { createLocationAction } from "@/server/probes/actions";

/** Adds an agent location; its token is shown once. */
export function LocationForm() {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(createLocationAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Add a location">
      <Field id="location-name" label="Location name" name="name" required maxLength={60} errors={errors("name")} placeholder="on-premise" />
      <FormStatus result={result} success="Location added." />
      {result?.ok ? (
        <p className="text-sm" data-testid="location-token">
          Agent token (shown once): <code className="break-all">{result.data.token}</code>. Run <code>AGENT_SERVER_URL=… AGENT_TOKEN=… npm run agent</code> at that site.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Add location
      </Button>
    </form>
  );
}
