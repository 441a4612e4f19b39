-- The rate-limit table may already exist: the subscriber work adds the same table in its own migration
-- (20261123203910_notifications). Both create it only when missing, so either order of landing works.

-- CreateTable
CREATE TABLE IF NOT EXISTS "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX IF NOT EXISTS "RateLimit_expire_idx" ON "RateLimit"("expire");
