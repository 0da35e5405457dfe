-- AlterTable
ALTER TABLE "CustomerDecision" ADD COLUMN     "answer" JSONB,
ADD COLUMN     "form" TEXT NOT NULL DEFAULT 'accept-or-change',
ADD COLUMN     "options" JSONB;


-- Decisions answered before forms were accept-or-change answers: their answer as that form has it.
UPDATE "CustomerDecision"
SET "answer" = jsonb_strip_nulls(jsonb_build_object(
  'decision', CASE "status" WHEN 'ACCEPTED' THEN 'accept' ELSE 'request-changes' END,
  'comments', "comments"))
WHERE "status" IN ('ACCEPTED', 'CHANGES_REQUESTED');
