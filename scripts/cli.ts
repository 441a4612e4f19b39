// npm run cli -- <command>: administration from a shell, for bootstrapping without demo data and for
// scripts. `npm run cli -- help` lists the commands.
import "dotenv/config";
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startExportServer } from "@/scripts/export-server";
import { db } from "@/lib/db";
import { listStaffUsers, getStaffUserByEmail } from "@/server/auth/data";
import { createApiToken, createUser, setPassword } from "@/server/auth/mutations";
import { createUserSchema, emailSchema, passwordSchema } from "@/server/auth/schema";
import { exportStaticSite, httpFetcher } from "@/server/public/static-export";

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<void>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks for a password on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) process.stderr.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    asked = true;
  });
}

async function obtainPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordSchema.parse(await readStdin());
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for a password: pass --password-stdin and pipe it in.");
  const first = await askHidden("Password (12+ characters): ");
  const second = await askHidden("Repeat password: ");
  if (first !== second) throw new Error("The passwords differ.");
  return passwordSchema.parse(first);
}

const CLI = { kind: "cli" } as const;

const COMMANDS: Record<string, Command> = {
  "users create": {
    usage: "users create --email E --name N --role admin|responder|communicator [--role …] [--password-stdin]",
    summary: "Create a staff account (asks for its password, or reads it from stdin).",
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true }, "password-stdin": { type: "boolean" } },
      });
      const base = createUserSchema.omit({ password: true }).parse({ email: values.email, name: values.name, roles: values.role ?? [] });
      const password = await obtainPassword(values["password-stdin"] ?? false);
      const { id } = await createUser(CLI, { ...base, password });
      console.error(`Created ${base.email} (${base.roles.join(", ")}), id ${id}.`);
    },
  },
  "users list": {
    usage: "users list",
    summary: "List staff accounts and their roles.",
    async run() {
      for (const u of await listStaffUsers()) {
        console.log(`${u.email}\t${u.name}\t${u.roles.join(",")}${u.disabled ? "\tdisabled" : ""}`);
      }
    },
  },
  "users set-password": {
    usage: "users set-password --email E [--password-stdin]",
    summary: "Set a staff member's password; signs them out everywhere.",
    async run(args) {
      const { values } = parseArgs({ args, options: { email: { type: "string" }, "password-stdin": { type: "boolean" } } });
      const user = await getStaffUserByEmail(emailSchema.parse(values.email));
      if (!user) throw new Error("No account with that email.");
      await setPassword(CLI, user.id, await obtainPassword(values["password-stdin"] ?? false));
      console.error(`Password set for ${user.email}.`);
    },
  },
  "tokens create": {
    usage: "tokens create --email E --name N",
    summary: "Create an API token for a staff member; prints only the token on stdout.",
    async run(args) {
      const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } } });
      const input = z.object({ email: emailSchema, name: z.string().trim().min(1).max(80) }).parse(values);
      const user = await getStaffUserByEmail(input.email);
      if (!user) throw new Error("No account with that email.");
      const { token } = await createApiToken({ kind: "cli", userId: user.id }, user.id, { name: input.name });
      console.log(token);
    },
  },
  export: {
    usage: "export --out DIR [--from URL]",
    summary:
      "Write a static copy of the public side (pages, API, feeds, badges) into DIR, for a fallback site. Taken from the running instance at URL, or from a server started for the purpose (needs a production build and DATABASE_URL).",
    async run(args) {
      const { values } = parseArgs({ args, options: { out: { type: "string" }, from: { type: "string" } } });
      const input = z.object({ out: z.string().min(1), from: z.url().optional() }).parse(values);
      fs.mkdirSync(input.out, { recursive: true });
      const started = input.from ? null : await startExportServer();
      try {
        const origin = input.from ?? started?.origin ?? "";
        const result = await exportStaticSite(httpFetcher(origin), input.out);
        console.error(`Exported ${result.files} files (${Math.round(result.bytes / 1024)} KiB) of version ${result.etag ?? "?"} to ${input.out}.`);
      } finally {
        await started?.stop();
      }
    },
  },
  help: {
    usage: "help",
    summary: "Show this list.",
    run() {
      console.log("Usage: npm run cli -- <command>\n");
      for (const c of Object.values(COMMANDS)) console.log(`  ${c.usage}\n      ${c.summary}\n`);
      return Promise.resolve();
    },
  },
};

function describe(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n");
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    return "That already exists.";
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const name = [argv.slice(0, 2).join(" "), argv[0] ?? "help"].find((n) => n in COMMANDS);
  const command = name ? COMMANDS[name] : undefined;
  if (!name || !command) {
    console.error(`Unknown command: ${argv.join(" ")}\n`);
    await COMMANDS.help?.run([]);
    return 2;
  }
  await command.run(argv.slice(name.split(" ").length));
  return 0;
}

void main()
  .catch((error: unknown) => {
    console.error(describe(error));
    return 1;
  })
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  });
