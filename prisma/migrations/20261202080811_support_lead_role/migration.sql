-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'support_lead';

