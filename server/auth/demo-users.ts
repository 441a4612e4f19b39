// Staff accounts created only in demo mode (never in production), printed at start-up so a newcomer
// can sign in to the console. The password is public by design: demo data is for trying things out.
export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Ada Admin", roles: ["admin"] },
  { email: "responder@demo.test", name: "Riley Responder", roles: ["responder"] },
  { email: "comms@demo.test", name: "Casey Comms", roles: ["communicator"] },
] as const;
