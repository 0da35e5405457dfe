-- DropIndex
DROP INDEX "Inquiry_customerId_idx";

-- CreateIndex
CREATE INDEX "Inquiry_customerId_receivedAt_idx" ON "Inquiry"("customerId", "receivedAt");

-- CreateIndex
CREATE INDEX "Journey_kind_startedAt_idx" ON "Journey"("kind", "startedAt");

-- CreateIndex
CREATE INDEX "JourneyWait_since_idx" ON "JourneyWait"("since");

-- CreateIndex
CREATE INDEX "SupportTicket_createdAt_idx" ON "SupportTicket"("createdAt");


-- The stage trail analytics reads (funnel, cycle times, the stage a wait began in): stage_entered
-- events by journey and time, with their data, so they are read from the index alone. Partial,
-- so the rest of the audit trail does not pay for it. Prisma cannot declare it (see schema.prisma).
CREATE INDEX "JourneyEvent_stage_entered_idx" ON "JourneyEvent"("journeyId", "at") INCLUDE ("data") WHERE "type" = 'stage_entered';
