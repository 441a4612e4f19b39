import type { Metadata } from "next";
import { PasswordForm } from "@/components/staff/password-form";
import { TokenManager } from "@/components/staff/token-manager";
import { listTokens } from "@/server/auth/data";
import { requireStaffPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user } = await requireStaffPage("console.view", "/console/account");
  const tokens = (await listTokens(user.id)).map(({ userId: _u, userName: _n, ...t }) => t);
  return (
    <div className="space-y-10">
      <h1 className="text-xl font-bold">Account</h1>
      <section aria-labelledby="tokens" className="space-y-3">
        <h2 id="tokens" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Tokens act as you on the staff API (<code>/api/admin/v1/</code>, described at{" "}
          <a className="underline" href="/api/admin/v1/openapi.json">
            openapi.json
          </a>
          ) with your roles as they are at each request.
        </p>
        <TokenManager tokens={tokens} />
      </section>
      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password" className="text-lg font-semibold">
          Password
        </h2>
        <PasswordForm />
      </section>
    </div>
  );
}
