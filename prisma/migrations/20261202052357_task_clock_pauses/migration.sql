-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "clockPausedAt" TIMESTAMP(3);

