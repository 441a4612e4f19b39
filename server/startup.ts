import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";

/** Says where the data lives and, in demo mode, how to sign in. */
export function announceStartup(): void {
  logger.info(
    { database: env.isEmbedded ? `embedded (${env.dataDir})` : "postgres", demo: env.isDemo },
    "status page starting",
  );
  if (env.isDemo) {
    const accounts = DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.roles.join(", ")}`).join("\n");
    console.log(`\nDemo mode: staff accounts (password "${DEMO_PASSWORD}"):\n${accounts}\n`);
  }
}
