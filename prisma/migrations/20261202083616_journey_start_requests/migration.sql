-- CreateTable
CREATE TABLE "JourneyStartRequest" (
    "key" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyStartRequest_pkey" PRIMARY KEY ("key")
);

