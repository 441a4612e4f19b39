-- CreateEnum
CREATE TYPE "ProbeKind" AS ENUM ('http', 'tcp', 'push');

-- CreateEnum
CREATE TYPE "ProbeOutcome" AS ENUM ('up', 'degraded', 'down');

-- CreateEnum
CREATE TYPE "ProbeHealth" AS ENUM ('unknown', 'up', 'degraded', 'down');

-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "overrideById" TEXT,
ADD COLUMN     "overrideExpiresAt" TIMESTAMP(3),
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "overrideSetAt" TIMESTAMP(3),
ADD COLUMN     "overrideStatus" "ComponentStatus",
ADD COLUMN     "probeDetail" TEXT,
ADD COLUMN     "probeStatus" "ComponentStatus",
ADD COLUMN     "statusBeforeOverride" "ComponentStatus";

-- CreateTable
CREATE TABLE "ProbeLocation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT,
    "tokenPrefix" TEXT,
    "lastSeenAt" TIMESTAMP(3),
    "runnerId" TEXT,
    "runnerUntil" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProbeLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Probe" (
    "id" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProbeKind" NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "timeoutMs" INTEGER NOT NULL,
    "degradedThresholdMs" INTEGER,
    "failThreshold" INTEGER NOT NULL DEFAULT 2,
    "recoverThreshold" INTEGER NOT NULL DEFAULT 2,
    "config" JSONB NOT NULL DEFAULT '{}',
    "pushTokenHash" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeAssignment" (
    "probeId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "health" "ProbeHealth" NOT NULL DEFAULT 'unknown',
    "failStreak" INTEGER NOT NULL DEFAULT 0,
    "okStreak" INTEGER NOT NULL DEFAULT 0,
    "slowStreak" INTEGER NOT NULL DEFAULT 0,
    "fastStreak" INTEGER NOT NULL DEFAULT 0,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "lastResultAt" TIMESTAMP(3),
    "lastLatencyMs" INTEGER,
    "lastError" TEXT,
    "healthSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProbeAssignment_pkey" PRIMARY KEY ("probeId","locationId")
);

-- CreateTable
CREATE TABLE "ProbeResult" (
    "id" TEXT NOT NULL,
    "probeId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "outcome" "ProbeOutcome" NOT NULL,
    "latencyMs" INTEGER,
    "statusCode" INTEGER,
    "error" TEXT,

    CONSTRAINT "ProbeResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeRollup" (
    "probeId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "checks" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "degraded" INTEGER NOT NULL,
    "latencyP50" INTEGER,
    "latencyP95" INTEGER,

    CONSTRAINT "ProbeRollup_pkey" PRIMARY KEY ("probeId","locationId","period","start")
);

-- CreateTable
CREATE TABLE "ComponentMonitoringGap" (
    "id" BIGSERIAL NOT NULL,
    "componentId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ComponentMonitoringGap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProbeLocation_name_key" ON "ProbeLocation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeLocation_tokenHash_key" ON "ProbeLocation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Probe_pushTokenHash_key" ON "Probe"("pushTokenHash");

-- CreateIndex
CREATE INDEX "Probe_componentId_idx" ON "Probe"("componentId");

-- CreateIndex
CREATE INDEX "ProbeAssignment_locationId_idx" ON "ProbeAssignment"("locationId");

-- CreateIndex
CREATE INDEX "ProbeAssignment_stale_lastResultAt_idx" ON "ProbeAssignment"("stale", "lastResultAt");

-- CreateIndex
CREATE INDEX "ProbeResult_probeId_locationId_at_idx" ON "ProbeResult"("probeId", "locationId", "at");

-- CreateIndex
CREATE INDEX "ProbeResult_at_idx" ON "ProbeResult"("at");

-- CreateIndex
CREATE INDEX "ProbeRollup_period_start_idx" ON "ProbeRollup"("period", "start");

-- CreateIndex
CREATE INDEX "ComponentMonitoringGap_componentId_startedAt_idx" ON "ComponentMonitoringGap"("componentId", "startedAt");

-- AddForeignKey
ALTER TABLE "Probe" ADD CONSTRAINT "Probe_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeAssignment" ADD CONSTRAINT "ProbeAssignment_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeAssignment" ADD CONSTRAINT "ProbeAssignment_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "ProbeLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeResult" ADD CONSTRAINT "ProbeResult_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeRollup" ADD CONSTRAINT "ProbeRollup_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentMonitoringGap" ADD CONSTRAINT "ComponentMonitoringGap_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
