-- AlterTable
ALTER TABLE "Maintenance" ADD COLUMN     "cancelledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MaintenanceComponent" ADD COLUMN     "statusBefore" "ComponentStatus";

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");
