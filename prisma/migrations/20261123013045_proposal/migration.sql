-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "depositPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "feedback" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "summary" TEXT;

