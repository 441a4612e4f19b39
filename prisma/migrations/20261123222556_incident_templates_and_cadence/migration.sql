-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "cadenceRemindedFor" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IncidentTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "incidentName" TEXT NOT NULL DEFAULT '',
    "status" "IncidentStatus" NOT NULL DEFAULT 'investigating',
    "impact" "IncidentImpact" NOT NULL DEFAULT 'minor',
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IncidentTemplate_name_key" ON "IncidentTemplate"("name");

-- CreateIndex
CREATE INDEX "IncidentTemplate_position_idx" ON "IncidentTemplate"("position");

-- CreateIndex
CREATE INDEX "Incident_nextUpdateDueAt_idx" ON "Incident"("nextUpdateDueAt");

-- The well-known messages every status page starts from (server/incidents/default-templates.ts).
INSERT INTO "IncidentTemplate" ("id", "name", "status", "impact", "body", "position", "updatedAt") VALUES
  ('tpl_investigating', 'Investigating', 'investigating', 'minor', 'We are currently investigating this issue.', 0, CURRENT_TIMESTAMP),
  ('tpl_identified', 'Identified', 'identified', 'minor', 'The issue has been identified and a fix is being implemented.', 1, CURRENT_TIMESTAMP),
  ('tpl_monitoring', 'Monitoring', 'monitoring', 'minor', 'A fix has been implemented and we are monitoring the results.', 2, CURRENT_TIMESTAMP),
  ('tpl_resolved', 'Resolved', 'resolved', 'minor', 'This incident has been resolved.', 3, CURRENT_TIMESTAMP)
ON CONFLICT ("name") DO NOTHING;
