import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth-secret";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { findUserForSignIn, getStaffUserByEmail } from "@/server/auth/data";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { signInSchema } from "@/server/auth/schema";
import { checkSignInAllowed, RATE_LIMITED_PREFIX, recordFailedSignIn, signInAttempt } from "@/server/auth/sign-in-limits";

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

// A real hash to verify against when the account does not exist, so a wrong email and a wrong password
// take the same time and an attacker cannot probe which addresses have accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

function oidcProvider(): NextAuthOptions["providers"] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    },
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "auth error"),
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const attempt = signInAttempt(parsed.data.email, request?.headers);
          const verdict = await checkSignInAllowed(attempt);
          if (!verdict.allowed) {
            logger.warn({ address: attempt.address }, "sign-in refused: too many failed attempts");
            metrics().signInFailures.inc();
            // next-auth hands a thrown error's message to the sign-in form.
            throw new Error(`${RATE_LIMITED_PREFIX}${verdict.retryAfterSeconds}`);
          }
          const user = await findUserForSignIn(parsed.data.email);
          const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
          if (!user || !ok || !user.passwordHash || user.disabledAt) {
            await recordFailedSignIn(attempt);
            return null;
          }
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // Single sign-on maps to an existing account by verified email; it never creates accounts.
      async signIn({ account, profile, user }) {
        if (account?.provider !== "oidc") return true;
        const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
        const staff = user.email ? await getStaffUserByEmail(user.email.toLowerCase()) : null;
        return verified && staff !== null && !staff.disabled;
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const staff = await getStaffUserByEmail(user.email.toLowerCase());
          if (staff) {
            token.uid = staff.id;
            token.sv = staff.sessionVersion;
          }
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.uid;
        session.sessionVersion = token.sv;
        return session;
      },
    },
  };
}

export const isOidcEnabled = () => oidcProvider().length > 0;
