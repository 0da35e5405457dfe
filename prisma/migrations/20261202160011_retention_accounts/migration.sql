-- CreateEnum
CREATE TYPE "EarlyCadence" AS ENUM ('biweekly', 'monthly');

-- CreateEnum
CREATE TYPE "CheckInStatus" AS ENUM ('DUE', 'HELD', 'MISSED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "leftAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ClientAccount" (
    "customerId" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "ownerId" UUID,
    "earlyCadence" "EarlyCadence" NOT NULL DEFAULT 'biweekly',
    "onboardedAt" TIMESTAMP(3),
    "healthScore" INTEGER,
    "healthInputs" JSONB NOT NULL DEFAULT '[]',
    "healthAt" TIMESTAMP(3),
    "atRisk" BOOLEAN NOT NULL DEFAULT false,
    "nextCheckInAt" TIMESTAMP(3),
    "nextCheckInKind" TEXT,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientAccount_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "ClientContact" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "CheckInStatus" NOT NULL DEFAULT 'DUE',
    "heldAt" TIMESTAMP(3),
    "channel" TEXT,
    "sentiment" TEXT,
    "notes" TEXT,
    "issuesRaised" JSONB NOT NULL DEFAULT '[]',
    "opportunitiesFound" JSONB NOT NULL DEFAULT '[]',
    "referralAsked" BOOLEAN NOT NULL DEFAULT false,
    "nps" INTEGER,
    "npsComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClientAccount_ownerId_idx" ON "ClientAccount"("ownerId");

-- CreateIndex
CREATE INDEX "ClientAccount_atRisk_idx" ON "ClientAccount"("atRisk");

-- CreateIndex
CREATE UNIQUE INDEX "ClientContact_customerId_email_key" ON "ClientContact"("customerId", "email");

-- CreateIndex
CREATE INDEX "CheckIn_customerId_dueAt_idx" ON "CheckIn"("customerId", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_customerId_kind_dueAt_key" ON "CheckIn"("customerId", "kind", "dueAt");

-- AddForeignKey
ALTER TABLE "ClientAccount" ADD CONSTRAINT "ClientAccount_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientContact" ADD CONSTRAINT "ClientContact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

