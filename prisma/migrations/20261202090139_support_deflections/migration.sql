-- CreateTable
CREATE TABLE "SupportDeflection" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "customerId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportDeflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupportDeflection_key_key" ON "SupportDeflection"("key");

-- CreateIndex
CREATE INDEX "SupportDeflection_customerId_createdAt_idx" ON "SupportDeflection"("customerId", "createdAt");

