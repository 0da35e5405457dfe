-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'success';

