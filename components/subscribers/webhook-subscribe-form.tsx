"use client";

import { useActionState } from "react";
import { ScopePicker, type ScopeOptions } from "@/components/subscribers/scope-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import { subscribeWebhookAction, type SignUpResult, type WebhookSignUp } from "@/server/subscribers/actions";

/** Webhook sign-up; the secret and the management link are shown once, right here. */
export function WebhookSubscribeForm({ pageUrl, scope }: { pageUrl: string; scope: ScopeOptions }) {
  const [result, action, pending] = useActionState<SignUpResult<WebhookSignUp> | null, FormData>(subscribeWebhookAction, null);
  if (result?.ok) {
    const manageUrl = `${pageUrl.replace(/\/+$/, "")}${result.data.managePath}`;
    return (
      <div className="space-y-3" role="status" aria-live="polite">
        <p className="font-medium">
          {result.data.verified
            ? "Your endpoint answered the verification: the subscription is active."
            : `The subscription is waiting for verification. ${result.data.problem ?? ""}`}
        </p>
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">Copy these now; they will not be shown again.</p>
          <div>
            <p>Signing secret (verify the webhook-signature header with it):</p>
            <code data-testid="webhook-secret" className="block break-all font-mono">
              {result.data.secret}
            </code>
          </div>
          <div>
            <p>Management link (change components, rotate the secret, unsubscribe):</p>
            <a data-testid="manage-link" href={result.data.managePath} className="block break-all font-mono underline">
              {manageUrl}
            </a>
          </div>
        </div>
      </div>
    );
  }
  return (
    <form key={JSON.stringify(result?.values ?? null)} action={action} className="space-y-4" noValidate>
      <Field
        label="Webhook URL"
        name="url"
        type="url"
        inputMode="url"
        required
        placeholder="https://example.org/hooks/status"
        hint="We POST a signed verification request first; answer 2xx and echo verification.challenge."
        defaultValue={result?.values?.url}
        errors={fieldErrors(result, "url")}
      />
      <ScopePicker options={scope} selected={result?.values} idPrefix="webhook" />
      <FormStatus result={result} />
      <Button type="submit" disabled={pending}>
        {pending ? "Verifying…" : "Subscribe with a webhook"}
      </Button>
    </form>
  );
}
