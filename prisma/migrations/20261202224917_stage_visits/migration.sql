-- AlterTable
ALTER TABLE "JourneyWait" ADD COLUMN     "role" TEXT,
ADD COLUMN     "stage" TEXT;

-- CreateTable
CREATE TABLE "StageVisit" (
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "journeyStartedAt" TIMESTAMP(3) NOT NULL,
    "stage" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),
    "nextStage" TEXT,

    CONSTRAINT "StageVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StageVisit_kind_journeyStartedAt_idx" ON "StageVisit"("kind", "journeyStartedAt");

-- CreateIndex
CREATE INDEX "StageVisit_journeyId_enteredAt_idx" ON "StageVisit"("journeyId", "enteredAt");

-- AddForeignKey
ALTER TABLE "StageVisit" ADD CONSTRAINT "StageVisit_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The visits of the journeys recorded so far, from their stage_entered events in order.
INSERT INTO "StageVisit" ("id", "journeyId", "kind", "journeyStartedAt", "stage", "enteredAt", "leftAt", "nextStage")
SELECT e."key", e."journeyId", j."kind", j."startedAt", e."data"->>'stage', e."at",
       lead(e."at") OVER w, lead(e."data"->>'stage') OVER w
FROM "JourneyEvent" e JOIN "Journey" j ON j."id" = e."journeyId"
WHERE e."type" = 'stage_entered'
WINDOW w AS (PARTITION BY e."journeyId" ORDER BY e."at", e."id");

-- The stage and role of the waits recorded so far, as the analytics worked them out until now.
UPDATE "JourneyWait" w SET
  "stage" = (SELECT v."stage" FROM "StageVisit" v WHERE v."journeyId" = w."journeyId" AND v."enteredAt" <= w."since" ORDER BY v."enteredAt" DESC LIMIT 1),
  "role" = CASE WHEN w."kind" = 'task' THEN 'unassigned' ELSE w."unblockedBy" END;
-- A task's queue when it was created (one join: a task wait's key is its task's id, as text).
UPDATE "JourneyWait" w SET "role" = coalesce(t."originalRole", t."role", 'unassigned')
FROM "Task" t WHERE w."kind" = 'task' AND t."id"::text = w."key";
