-- CreateEnum
CREATE TYPE "RenewalOutcome" AS ENUM ('RENEWED', 'NOT_RENEWED', 'LAPSED');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "endsOn" DATE;

-- CreateTable
CREATE TABLE "ContractRenewal" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "endsOn" DATE NOT NULL,
    "outcome" "RenewalOutcome" NOT NULL,
    "newEndsOn" DATE,
    "notes" TEXT,
    "decidedBy" UUID,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractRenewal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountReport" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "figures" JSONB NOT NULL,
    "approvedBy" UUID,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Testimonial" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Testimonial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractRenewal_customerId_idx" ON "ContractRenewal"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRenewal_contractId_endsOn_key" ON "ContractRenewal"("contractId", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "AccountReport_customerId_kind_periodEnd_key" ON "AccountReport"("customerId", "kind", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Testimonial_customerId_subject_key" ON "Testimonial"("customerId", "subject");

-- AddForeignKey
ALTER TABLE "ContractRenewal" ADD CONSTRAINT "ContractRenewal_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRenewal" ADD CONSTRAINT "ContractRenewal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountReport" ADD CONSTRAINT "AccountReport_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Testimonial" ADD CONSTRAINT "Testimonial_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

