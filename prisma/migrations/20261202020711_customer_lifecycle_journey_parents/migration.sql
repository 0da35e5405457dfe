-- AlterTable
ALTER TABLE "Customer" DROP COLUMN "status",
ADD COLUMN     "activeSince" TIMESTAMP(3),
ADD COLUMN     "clientSince" TIMESTAMP(3),
ADD COLUMN     "lastEndedAt" TIMESTAMP(3),
ADD COLUMN     "onboardedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Journey" ADD COLUMN     "parentJourneyId" TEXT;

-- DropEnum
DROP TYPE "CustomerStatus";

-- CreateIndex
CREATE INDEX "Journey_parentJourneyId_idx" ON "Journey"("parentJourneyId");

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_parentJourneyId_fkey" FOREIGN KEY ("parentJourneyId") REFERENCES "Journey"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Journeys started by another, from the links already recorded. Deliveries: the acquisition that
-- won their project.
UPDATE "Journey" j SET "parentJourneyId" = p."journeyId"
FROM "Project" p
WHERE p."deliveryJourneyId" = j.id;

-- Billing journeys: the delivery of the project their invoice bills.
UPDATE "Journey" j SET "parentJourneyId" = p."deliveryJourneyId"
FROM "Invoice" i JOIN "Project" p ON p.id = i."projectId"
WHERE i."journeyId" = j.id AND j.kind = 'billing' AND p."deliveryJourneyId" IS NOT NULL;

-- Late payments (journey:<customer>:billing:<n>.late.<provider payment id>): the journey of the
-- invoice their payment went to.
UPDATE "Journey" j SET "parentJourneyId" = i."journeyId"
FROM "Payment" pay JOIN "Invoice" i ON i.id = pay."invoiceId"
WHERE j.id LIKE '%.late.%' AND pay."providerPaymentId" = substring(j.id from '\.late\.(.*)$');

-- The facts a customer's lifecycle is derived from (api/domain/customer-lifecycle.ts), recomputed
-- from their projects and journeys: one definition, for this backfill and for the activities
-- (activities/runtime/customer-facts.ts). A single statement, since Prisma splits migrations at
-- every semicolon, dollar quotes or not.
CREATE FUNCTION refresh_customer_facts(customer_id uuid) RETURNS void LANGUAGE sql AS $$
  WITH RECURSIVE chain AS (
    -- The running journeys and those that started them, back to the first: the relationship has
    -- been active since the earliest of them began.
    SELECT id, "parentJourneyId", "startedAt" FROM "Journey" WHERE "customerId" = customer_id AND status = 'RUNNING'
    UNION
    SELECT p.id, p."parentJourneyId", p."startedAt" FROM "Journey" p JOIN chain c ON p.id = c."parentJourneyId"
  ), active AS (
    SELECT min("startedAt") AS since FROM chain
  )
  UPDATE "Customer" SET
    "clientSince" = (SELECT min("createdAt") FROM "Project" WHERE "customerId" = customer_id),
    "onboardedAt" = (SELECT min("kickoffAt") FROM "Project" WHERE "customerId" = customer_id),
    "activeSince" = active.since,
    "lastEndedAt" = (
      SELECT max("endedAt") FROM "Journey"
      WHERE "customerId" = customer_id AND (active.since IS NULL OR "endedAt" < active.since)
    )
  FROM active
  WHERE id = customer_id
$$;

SELECT refresh_customer_facts(id) FROM "Customer";
