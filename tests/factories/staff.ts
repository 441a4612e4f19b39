import { systemActor } from "@/server/auth/actor";
import { createApiToken, createUser } from "@/server/auth/mutations";
import type { Role } from "@/server/auth/permissions";
import { unique } from "@/tests/factories/catalog";

/** A staff member with the given roles and a personal API token. */
export async function createStaff(roles: Role[], password?: string) {
  const email = `${unique("staff").replace(/\W+/g, "-").toLowerCase()}@example.test`;
  const { id } = await createUser(systemActor("test"), { email, name: `Staff ${roles.join("+")}`, roles, password });
  const { token } = await createApiToken(systemActor("test"), id, { name: "test" });
  return { id, email, token };
}
