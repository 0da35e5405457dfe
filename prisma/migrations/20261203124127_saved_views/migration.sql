-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "sortField" TEXT,
    "sortOrder" TEXT,
    "sharedWithRole" "Role",
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_idempotencyKey_key" ON "SavedView"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SavedView_resource_sharedWithRole_idx" ON "SavedView"("resource", "sharedWithRole");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_ownerId_resource_name_key" ON "SavedView"("ownerId", "resource", "name");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backstops for what the API checks (api/contract/saved-views.ts), written by hand: a name of 1 to
-- 80 characters, a sort given whole or not at all, the filter a JSON object
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_name_length" CHECK (char_length("name") BETWEEN 1 AND 80);
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_sort_whole" CHECK (("sortField" IS NULL AND "sortOrder" IS NULL) OR ("sortField" IS NOT NULL AND "sortOrder" IN ('ASC', 'DESC')));
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_filter_object" CHECK (jsonb_typeof("filter") = 'object');
