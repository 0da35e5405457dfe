-- DropForeignKey
ALTER TABLE "TimeEntry" DROP CONSTRAINT "TimeEntry_milestoneId_fkey";

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "ticketId" UUID;

-- AlterTable
ALTER TABLE "TimeEntry" ADD COLUMN     "ticketId" UUID,
ALTER COLUMN "milestoneId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_ticketId_key" ON "Invoice"("ticketId");

-- CreateIndex
CREATE INDEX "TimeEntry_ticketId_idx" ON "TimeEntry"("ticketId");

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "SupportTicket"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Time is spent on a milestone or on a ticket, never both nor neither (Prisma cannot say so).
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_one_target" CHECK (("milestoneId" IS NULL) <> ("ticketId" IS NULL));
