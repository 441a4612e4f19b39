"use client";

import { useActionState } from "react";
import { ScopePicker, type ScopeOptions } from "@/components/subscribers/scope-picker";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";
import {
  confirmEmailAction,
  rotateSecretAction,
  unsubscribeAction,
  updateScopeAction,
  verifyWebhookAction,
} from "@/server/subscribers/actions";

// The management page's forms. Each posts the management token with it; all work without JavaScript.

type Action<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

function OneButton<T>({
  token,
  action,
  label,
  success,
  variant = "secondary",
  describe,
}: {
  token: string;
  action: Action<T>;
  label: string;
  success: string;
  variant?: "primary" | "secondary" | "danger";
  describe?: (data: T) => string | null;
}) {
  const [result, run, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const note = result?.ok && describe ? describe(result.data) : null;
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      <FormStatus result={result} success={note ?? success} />
    </form>
  );
}

export function ConfirmEmailForm({ token }: { token: string }) {
  return <OneButton token={token} action={confirmEmailAction} label="Confirm my subscription" variant="primary" success="Confirmed." />;
}

export function VerifyWebhookForm({ token, label }: { token: string; label: string }) {
  return (
    <OneButton
      token={token}
      action={verifyWebhookAction}
      label={label}
      variant="primary"
      success="Verified: the subscription is active."
      describe={(d) => d.problem}
    />
  );
}

export function UnsubscribeForm({ token }: { token: string }) {
  return <OneButton token={token} action={unsubscribeAction} label="Unsubscribe" variant="danger" success="You are unsubscribed." />;
}

export function RotateSecretForm({ token }: { token: string }) {
  const [result, run, pending] = useActionState<ActionResult<{ secret: string }> | null, FormData>(rotateSecretAction, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The current secret keeps signing alongside the new one for a day.</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        Rotate the signing secret
      </Button>
      <FormStatus result={result?.ok ? null : result} />
      {result?.ok ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">New signing secret; copy it now, it will not be shown again.</p>
          <code data-testid="webhook-secret" className="block break-all font-mono">
            {result.data.secret}
          </code>
        </div>
      ) : null}
    </form>
  );
}

export function ScopeForm({ token, scope, selected }: { token: string; scope: ScopeOptions; selected: { componentIds: string[]; groupIds: string[] } }) {
  const [result, run, pending] = useActionState<ActionResult | null, FormData>(updateScopeAction, null);
  return (
    <form action={run} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <ScopePicker options={scope} selected={selected} idPrefix="manage" />
      <FormStatus result={result} success="Saved." />
      <Button type="submit" disabled={pending}>
        Save components
      </Button>
    </form>
  );
}
