// `npm run agent`: the standalone probe agent for another site (see server/probes/agent/agent.ts).
// Configure it with AGENT_SERVER_URL and AGENT_TOKEN (and optionally the other AGENT_* variables).
import { agentConfigSchema, startAgent } from "@/server/probes/agent/agent";

const parsed = agentConfigSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid agent configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}

const quiet = process.env.AGENT_QUIET === "1";
const agent = startAgent(parsed.data, (level, msg, extra) => {
  if (quiet && level === "info") return;
  console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra }));
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void agent.stop().then(() => process.exit(0));
  });
}
