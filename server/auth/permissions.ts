// Who may do what: the one permission table. Pure; safe for client components (the console hides what
// a role cannot do), but every check that matters runs on the server through requireStaff().

export const ROLES = ["admin", "responder", "communicator"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  responder: "Responder",
  communicator: "Communicator",
};

/**
 * Responders work incidents internally; communicators speak to the public; admins run the installation.
 * Admin does not imply either of the others.
 */
export const PERMISSIONS = {
  "console.view": ["admin", "responder", "communicator"],
  "token.manage_own": ["admin", "responder", "communicator"],
  "password.change_own": ["admin", "responder", "communicator"],

  "incident.create": ["responder", "communicator"],
  "incident.note": ["responder", "communicator"],
  "incident.set_impact": ["responder", "communicator"],
  "incident.set_components": ["responder", "communicator"],
  "incident.assign": ["responder", "communicator"],
  "incident.draft_update": ["responder", "communicator"],
  "incident.publish": ["communicator"],
  "incident.postmortem_edit": ["responder", "communicator"],
  "incident.postmortem_publish": ["communicator"],
  "template.manage": ["responder", "communicator"],

  "component.propose_status": ["responder", "communicator"],
  "component.override_status": ["communicator"],
  "maintenance.manage": ["communicator"],

  "component.manage": ["admin"],
  "page.manage": ["admin"],
  "user.manage": ["admin"],
  "token.manage_others": ["admin"],
  "subscriber.manage": ["admin"],
  "probe.manage": ["admin"],
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
