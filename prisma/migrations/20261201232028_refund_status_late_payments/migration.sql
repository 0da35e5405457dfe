-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- AlterEnum
ALTER TYPE "PaymentStatus" ADD VALUE 'CANCELED';

-- AlterTable
ALTER TABLE "ExternalEvent" ADD COLUMN     "data" JSONB;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "status" "RefundStatus" NOT NULL DEFAULT 'SUCCEEDED',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "ExternalEvent_objectId_idx" ON "ExternalEvent"("objectId");

