-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNING', 'ACTIVE', 'COMPLETED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "document" BYTEA,
ADD COLUMN     "endReason" TEXT;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'standard';

-- AlterTable
ALTER TABLE "ExternalEvent" ADD COLUMN     "objectId" TEXT;

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "customerId" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'PLANNING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_journeyId_key" ON "Project"("journeyId");

-- CreateIndex
CREATE INDEX "ExternalEvent_appliedAt_receivedAt_idx" ON "ExternalEvent"("appliedAt", "receivedAt");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

