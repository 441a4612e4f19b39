-- CreateTable
CREATE TABLE "ComponentDailyUptime" (
    "componentId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "operationalMinutes" INTEGER NOT NULL DEFAULT 0,
    "degradedMinutes" INTEGER NOT NULL DEFAULT 0,
    "partialMinutes" INTEGER NOT NULL DEFAULT 0,
    "majorMinutes" INTEGER NOT NULL DEFAULT 0,
    "maintenanceMinutes" INTEGER NOT NULL DEFAULT 0,
    "noDataMinutes" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComponentDailyUptime_pkey" PRIMARY KEY ("componentId","day")
);

-- CreateIndex
CREATE INDEX "ComponentDailyUptime_day_idx" ON "ComponentDailyUptime"("day");

-- AddForeignKey
ALTER TABLE "ComponentDailyUptime" ADD CONSTRAINT "ComponentDailyUptime_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
