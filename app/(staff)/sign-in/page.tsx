import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { env } from "@/lib/env";
import { isOidcEnabled } from "@/server/auth/options";
import { getStaffContext } from "@/server/auth/session";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Only same-site paths are accepted as where to go after signing in. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : "/console";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getStaffContext()) redirect(callbackUrl);
  return (
    <main className="mx-auto max-w-sm space-y-6 px-4 py-12">
      <h1 className="text-2xl font-bold">Staff sign-in</h1>
      {params.passwordChanged ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          Your password was changed and every session was signed out. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} oidcName={isOidcEnabled() ? env.OIDC_NAME : null} />
    </main>
  );
}
