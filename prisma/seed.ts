// npm run db:seed [-- --if-empty]
// Demo data for a registry-like page: component groups, a back-filled past outage with its postmortem,
// and an upcoming maintenance. Demo staff accounts only in demo mode. With --if-empty it does nothing
// when the page already exists, so start-up can call it every time.
import "dotenv/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { hashPassword } from "@/server/auth/password";
import { DEFAULT_TEMPLATES } from "@/server/incidents/default-templates";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

async function seed(): Promise<void> {
  const ifEmpty = process.argv.includes("--if-empty");
  if (ifEmpty && (await db.pageSettings.count()) > 0) {
    console.log("Database already has a page; not seeding.");
    return;
  }
  const demoUsers = env.isDemo
    ? await Promise.all(
        DEMO_USERS.map(async (u) => ({ ...u, roles: [...u.roles], passwordHash: await hashPassword(DEMO_PASSWORD) })),
      )
    : [];

  await db.$transaction(async (tx) => {
    await tx.pageSettings.upsert({
      where: { id: "default" },
      create: {
        name: "Registry Status",
        url: "http://localhost:3000",
        timeZone: "America/New_York",
        description: "Live status of the extension registry, its API and the infrastructure behind them.",
        footerLinks: [
          { label: "Registry", url: "https://registry.example.org" },
          { label: "Community forum", url: "https://forum.example.org" },
        ],
      },
      update: {},
    });

    // The well-known update messages (the migration adds them too); by name, so a second run changes nothing.
    for (const t of DEFAULT_TEMPLATES) {
      await tx.incidentTemplate.upsert({ where: { name: t.name }, create: { ...t }, update: {} });
    }

    const users = new Map<string, string>();
    for (const u of demoUsers) {
      const user = await tx.user.upsert({ where: { email: u.email }, create: u, update: {} });
      users.set(u.email, user.id);
    }

    const web = await tx.componentGroup.create({
      data: { name: "Web and API", description: "What developers and CI systems talk to.", position: 0 },
    });
    const infra = await tx.componentGroup.create({
      data: { name: "Infrastructure", description: "What the registry runs on.", position: 1 },
    });
    const component = (name: string, groupId: string, position: number, description: string, ownerTeam: string) =>
      tx.component.create({
        data: {
          name,
          groupId,
          position,
          description,
          ownerTeam,
          contacts: `#${ownerTeam.toLowerCase().replace(/\s+/g, "-")} on chat`,
          runbookUrl: `https://runbooks.example.org/${name.toLowerCase().replace(/\W+/g, "-")}`,
          startDate: new Date(Date.now() - 120 * 24 * HOUR),
        },
      });
    const website = await component("Website", web.id, 0, "Browsing and searching extensions.", "Web Team");
    const publishApi = await component("Publish API", web.id, 1, "Publishing new extension versions.", "API Team");
    await component("Search", web.id, 2, "Search results on the website and in the API.", "API Team");
    await component("Downloads/CDN", web.id, 3, "Extension downloads, served through the CDN.", "Infra Team");
    const database = await component("Database", infra.id, 0, "The primary PostgreSQL cluster.", "Infra Team");
    await component("Storage", infra.id, 1, "Object storage for extension files.", "Infra Team");
    await component("Authentication", infra.id, 2, "Sign-in and access tokens.", "Web Team");

    // A past outage, written up after the fact: each update carries the time it was really posted.
    const start = new Date(Date.now() - 9 * 24 * HOUR);
    start.setUTCHours(14, 12, 0, 0);
    const responder = users.get("responder@demo.test") ?? null;
    const comms = users.get("comms@demo.test") ?? null;
    const incident = await tx.incident.create({
      data: {
        name: "502 Bad Gateway errors on the website and Publish API",
        impact: "major",
        status: "postmortem",
        visibility: "published",
        commanderId: responder,
        commsLeadId: comms,
        createdById: responder,
        startedAt: start,
        publishedAt: at(start, 8),
        identifiedAt: at(start, 95),
        monitoringAt: at(start, 140),
        resolvedAt: at(start, 230),
        postmortemPublishedAt: at(start, 2 * 24 * 60),
        postmortemBody: [
          "## What happened",
          "A deploy at 14:05 UTC changed how the website loads extension listings. Each page view issued",
          "hundreds of database queries instead of a handful, and under normal traffic the database's network",
          "link saturated. Requests queued, timed out at the load balancer, and users saw **502 Bad Gateway**.",
          "",
          "## Root cause",
          "An N+1 query in the listing page, not caught in staging because staging has no real traffic.",
          "",
          "## What we are changing",
          "Load tests with production-shaped traffic before release, a query budget per request, and a",
          "one-command rollback that does not depend on the database being healthy.",
        ].join("\n"),
        components: { create: [{ componentId: website.id }, { componentId: publishApi.id }, { componentId: database.id }] },
        actionItems: {
          create: [
            { title: "Add a per-request query budget that fails the build when exceeded", owner: "Web Team", done: true, position: 0 },
            { title: "Replay production-shaped load against staging before each release", owner: "Infra Team", position: 1 },
            { title: "Document and rehearse the rollback procedure", owner: "Infra Team", position: 2 },
          ],
        },
      },
    });
    const timeline = [
      { minutes: 8, status: "investigating", body: "We are investigating reports of **502 Bad Gateway** errors on the website and when publishing extensions.", changes: [[website.id, "operational", "major_outage"], [publishApi.id, "operational", "partial_outage"]] },
      { minutes: 50, status: "investigating", body: "We are continuing to investigate. Requests to the database are timing out; downloads through the CDN are not affected.", changes: [] },
      { minutes: 95, status: "identified", body: "The issue has been identified: a deploy at 14:05 UTC made the website issue far more database queries than before. We are rolling it back.", changes: [[database.id, "operational", "degraded_performance"]] },
      { minutes: 140, status: "monitoring", body: "The rollback is complete and error rates are back to normal. We are monitoring the results.", changes: [[website.id, "major_outage", "operational"], [publishApi.id, "partial_outage", "operational"]] },
      { minutes: 230, status: "resolved", body: "This incident has been resolved. A postmortem will follow.", changes: [[database.id, "degraded_performance", "operational"]] },
    ] as const;
    for (const step of timeline) {
      const when = at(start, step.minutes);
      await tx.incidentUpdate.create({
        data: {
          incidentId: incident.id,
          kind: "public_update",
          state: "published",
          status: step.status,
          body: step.body,
          authorId: comms,
          approverId: comms,
          publishedAt: when,
          displayAt: when,
          createdAt: when,
          affectedComponents: {
            create: step.changes.map(([componentId, oldStatus, newStatus]) => ({ componentId, oldStatus, newStatus })),
          },
        },
      });
    }
    await tx.incidentUpdate.create({
      data: {
        incidentId: incident.id,
        kind: "internal_note",
        state: "published",
        status: "identified",
        body: "INTERNAL: rollback via deploy pipeline failed twice; did it by hand from the bastion.",
        authorId: responder,
        displayAt: at(start, 120),
        createdAt: at(start, 120),
      },
    });

    // 90 days of daily uptime, consistent with the outage above: the rollup job keeps it going from here.
    const outageDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
    const troubled: Record<string, { majorMinutes?: number; partialMinutes?: number; degradedMinutes?: number }> = {
      [website.id]: { majorMinutes: 132 },
      [publishApi.id]: { partialMinutes: 132 },
      [database.id]: { degradedMinutes: 135 },
    };
    const components = await tx.component.findMany({ select: { id: true } });
    const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
    const minutesToday = Math.floor((Date.now() - today.getTime()) / MINUTE);
    await tx.componentDailyUptime.createMany({
      data: components.flatMap(({ id }) =>
        Array.from({ length: 90 }, (_, n) => {
          const day = new Date(today.getTime() - n * 24 * HOUR);
          const trouble = day.getTime() === outageDay.getTime() ? (troubled[id] ?? {}) : {};
          const total = n === 0 ? minutesToday : 1440;
          const bad = (trouble.majorMinutes ?? 0) + (trouble.partialMinutes ?? 0) + (trouble.degradedMinutes ?? 0);
          return { componentId: id, day, operationalMinutes: total - bad, ...trouble };
        }),
      ),
    });

    const maintenanceStart = new Date(Date.now() + 3 * 24 * HOUR);
    maintenanceStart.setUTCHours(6, 0, 0, 0);
    await tx.maintenance.create({
      data: {
        name: "Database storage upgrade",
        body: "We will move the primary database to faster storage. Publishing may be briefly unavailable; downloads are not affected.",
        scheduledFor: maintenanceStart,
        scheduledUntil: new Date(maintenanceStart.getTime() + 2 * HOUR),
        components: { create: [{ componentId: database.id }, { componentId: publishApi.id }] },
      },
    });
  }, { timeout: 120_000, maxWait: 30_000 }); // generous limits: a busy machine must not abort the seed
  console.log(`Seeded the demo page${env.isDemo ? " and demo staff accounts" : ""}.`);
}

seed()
  .then(() => db.$disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
