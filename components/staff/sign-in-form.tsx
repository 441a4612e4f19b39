"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

// Kept in step with RATE_LIMITED_PREFIX in server/auth/sign-in-limits.ts (a server-only module).
const RATE_LIMITED = /^RateLimited:(\d+)$/;

function signInError(error: string | null | undefined): string {
  const limited = error ? RATE_LIMITED.exec(error) : null;
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60));
    return `Too many failed sign-ins. For your account's safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return "That email and password do not match an account.";
}

export function SignInForm({ callbackUrl, oidcName }: { callbackUrl: string; oidcName: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: text(form, "email"),
      password: text(form, "password"),
      callbackUrl,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
    } else {
      setError(signInError(result?.error));
    }
  }

  return (
    <div className="space-y-6">
      {/* onSubmit rather than a form action: React resets a form after its action, which would clear the
          email after every failed attempt. */}
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <Field label="Email" name="email" type="email" autoComplete="username" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <p role="alert" aria-live="assertive" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidcName ? (
        <Button variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
          Sign in with {oidcName}
        </Button>
      ) : null}
    </div>
  );
}
