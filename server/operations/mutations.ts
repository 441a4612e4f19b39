import "server-only";
import { db } from "@/lib/db";

/** Marks this worker alive now, and forgets workers that have not beaten for a day. */
export async function recordWorkerHeartbeat(id: string, startedAt: Date): Promise<void> {
  const now = new Date();
  await db.workerHeartbeat.upsert({ where: { id }, create: { id, startedAt, beatAt: now }, update: { beatAt: now } });
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}

export async function removeWorkerHeartbeat(id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}
