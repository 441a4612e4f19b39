// Who performs a write. Mutations take an Actor instead of reading a session, so jobs, the CLI and
// the staff API call the same functions as the console.
export type Actor =
  | { kind: "user"; userId: string; requestId?: string }
  | { kind: "token"; userId: string; tokenId: string; requestId?: string }
  | { kind: "system"; label: string }
  | { kind: "cli"; userId?: string };

export const systemActor = (label: string): Actor => ({ kind: "system", label });

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" || actor.kind === "token" ? actor.userId : actor.kind === "cli" ? (actor.userId ?? null) : null;
}
