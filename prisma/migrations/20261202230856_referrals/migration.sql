-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "referralCode" TEXT;

-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "referralNote" TEXT,
ADD COLUMN     "referrerId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Customer_referralCode_key" ON "Customer"("referralCode");

-- CreateIndex
CREATE INDEX "Inquiry_referrerId_idx" ON "Inquiry"("referrerId");

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

