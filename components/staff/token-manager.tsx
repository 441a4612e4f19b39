"use client";

import { useActionState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";
import { createTokenAction, revokeTokenAction } from "@/server/auth/actions";
import type { ApiTokenView } from "@/server/auth/schema";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function TokenManager({ tokens }: { tokens: ApiTokenView[] }) {
  const [created, create, pending] = useActionState<ActionResult<{ token: string }> | null, FormData>(createTokenAction, null);
  const [revoking, startRevoke] = useTransition();
  return (
    <div className="space-y-4">
      <form action={create} className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field label="Token name" name="name" required maxLength={80} placeholder="e.g. deploy bot" errors={fieldErrors(created, "name")} />
        </div>
        <Button type="submit" disabled={pending} className="mb-6">
          Create token
        </Button>
      </form>
      <FormStatus result={created?.ok ? null : created} />
      {created?.ok ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">Copy this token now; it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all font-mono">
            {created.data.token}
          </code>
        </div>
      ) : null}
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {tokens.length === 0 ? <li className="p-3 text-sm">No tokens yet.</li> : null}
        {tokens.map((t) => (
          <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <div>
              <p className="font-medium">
                {t.name} <code className="text-xs">{t.prefix}…</code>
              </p>
              <p className="text-zinc-600 dark:text-zinc-400">
                Created {when(t.createdAt)} · last used {when(t.lastUsedAt)}
                {t.revokedAt ? ` · revoked ${when(t.revokedAt)}` : ""}
              </p>
            </div>
            {t.revokedAt ? null : (
              <Button variant="secondary" disabled={revoking} onClick={() => startRevoke(async () => void (await revokeTokenAction(t.id)))}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
