-- CreateTable
CREATE TABLE "ComponentStatusChange" (
    "id" BIGSERIAL NOT NULL,
    "componentId" TEXT NOT NULL,
    "oldStatus" "ComponentStatus" NOT NULL,
    "newStatus" "ComponentStatus" NOT NULL,
    "source" "StatusSource" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComponentStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComponentStatusChange_componentId_at_idx" ON "ComponentStatusChange"("componentId", "at");

-- AddForeignKey
ALTER TABLE "ComponentStatusChange" ADD CONSTRAINT "ComponentStatusChange_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
