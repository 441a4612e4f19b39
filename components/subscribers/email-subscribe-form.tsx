"use client";

import { useActionState } from "react";
import { ScopePicker, type ScopeOptions } from "@/components/subscribers/scope-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import { subscribeEmailAction, type SignUpResult } from "@/server/subscribers/actions";

/** Email sign-up (double opt-in). The answer never says whether the address was already subscribed. */
export function EmailSubscribeForm({ scope }: { scope: ScopeOptions }) {
  const [result, action, pending] = useActionState<SignUpResult<{ email: string }> | null, FormData>(subscribeEmailAction, null);
  if (result?.ok) {
    return (
      <p role="status" aria-live="polite" className="font-medium">
        Check your inbox at {result.data.email}: follow the link in our message to confirm. Nothing is sent until you do.
      </p>
    );
  }
  return (
    <form key={JSON.stringify(result?.values ?? null)} action={action} className="space-y-4" noValidate>
      <Field
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={result?.values?.email}
        errors={fieldErrors(result, "email")}
      />
      <ScopePicker options={scope} selected={result?.values} idPrefix="email" />
      <FormStatus result={result} />
      <Button type="submit" disabled={pending}>
        Subscribe by email
      </Button>
    </form>
  );
}
