"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrors, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordAction } from "@/server/auth/actions";

export function PasswordForm() {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(changePasswordAction, null);
  useEffect(() => {
    // The change ended every session, this one included.
    if (result?.ok) void signOut({ callbackUrl: "/sign-in?passwordChanged=1" });
  }, [result]);
  return (
    <form action={action} className="max-w-sm space-y-3">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fieldErrors(result, "currentPassword")} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters. Changing it signs you out everywhere." errors={fieldErrors(result, "newPassword")} />
      <FormStatus result={result} success="Password changed. Signing you out…" />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
