-- Rollups the analytics reads instead of the raw trail, kept by triggers in the transaction that
-- writes their facts: no code path that writes a stage, a journey's end or a wait can leave one
-- stale, a retried activity (which changes no row the second time) changes nothing, and a rollup
-- is always what a query over the raw rows would give. Measured at 100,000 journeys with
-- 1,200,000 stage events and 800,000 waits (bench/analytics.ts).
--
-- Prisma splits a migration at every semicolon, dollar quotes or not: each SQL function is one
-- statement, and the PL/pgSQL trigger bodies write their semicolons as E'\073'.

-- StageTime: one row per journey and stage it reached, with its visits, those that have left
-- (to the next stage or by the journey's end), where they went ({"stage": visits}, ending there
-- not counted), and the time it spent there (the visits that left, summed: null while none has).
-- The funnel, cycle times and map read it: a third of the visits' rows.
CREATE TABLE "StageTime" (
    "journeyId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "journeyStartedAt" TIMESTAMP(3) NOT NULL,
    "firstEnteredAt" TIMESTAMP(3) NOT NULL,
    "visits" INTEGER NOT NULL,
    "visitsLeft" INTEGER NOT NULL,
    "nextVisits" JSONB NOT NULL,
    "seconds" DOUBLE PRECISION,

    CONSTRAINT "StageTime_pkey" PRIMARY KEY ("journeyId", "stage")
);
ALTER TABLE "StageTime" ADD CONSTRAINT "StageTime_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rows from the visits, for every journey and stage (filtered on both, the planner reads only
-- that journey's and stage's visits): the refresh below, and the fill.
CREATE VIEW "StageTimeOfVisits" AS
SELECT n."journeyId", n."stage", min(n."kind") AS "kind", min(n."journeyStartedAt") AS "journeyStartedAt", min(n."enteredAt") AS "firstEnteredAt",
       sum(n."visits")::int AS "visits", sum(n."visitsLeft")::int AS "visitsLeft",
       coalesce(jsonb_object_agg(n."nextStage", n."visits") FILTER (WHERE n."nextStage" IS NOT NULL), '{}') AS "nextVisits",
       sum(n."seconds")::float8 AS "seconds"
FROM (
  SELECT v."journeyId", v."stage", v."nextStage", min(v."kind") AS "kind", min(v."journeyStartedAt") AS "journeyStartedAt", min(v."enteredAt") AS "enteredAt",
         count(*) AS "visits", count(coalesce(v."leftAt", j."endedAt")) AS "visitsLeft",
         sum(extract(epoch FROM coalesce(v."leftAt", j."endedAt") - v."enteredAt")) AS "seconds"
  FROM "StageVisit" v JOIN "Journey" j ON j."id" = v."journeyId"
  GROUP BY v."journeyId", v."stage", v."nextStage") n
GROUP BY n."journeyId", n."stage";

-- The row of a journey and stage, from its visits (none: no row).
CREATE FUNCTION stage_time_refresh(journey TEXT, stage_name TEXT) RETURNS void LANGUAGE sql AS $$
  WITH visits AS (SELECT * FROM "StageTimeOfVisits" WHERE "journeyId" = journey AND "stage" = stage_name),
  kept AS (
    INSERT INTO "StageTime" ("journeyId", "stage", "kind", "journeyStartedAt", "firstEnteredAt", "visits", "visitsLeft", "nextVisits", "seconds")
    SELECT * FROM visits
    ON CONFLICT ("journeyId", "stage") DO UPDATE SET "kind" = excluded."kind", "journeyStartedAt" = excluded."journeyStartedAt",
      "firstEnteredAt" = excluded."firstEnteredAt", "visits" = excluded."visits", "visitsLeft" = excluded."visitsLeft",
      "nextVisits" = excluded."nextVisits", "seconds" = excluded."seconds")
  DELETE FROM "StageTime" WHERE "journeyId" = journey AND "stage" = stage_name AND NOT EXISTS (SELECT 1 FROM visits)
$$;

-- The rows a visit's change touches: its old journey and stage, and its new.
CREATE FUNCTION stage_visit_refresh(op TEXT, old_visit "StageVisit", new_visit "StageVisit") RETURNS void LANGUAGE sql AS $$
  SELECT stage_time_refresh(k.journey, k.stage) FROM (
    SELECT old_visit."journeyId", old_visit."stage" WHERE op <> 'INSERT'
    UNION SELECT new_visit."journeyId", new_visit."stage" WHERE op <> 'DELETE') k(journey, stage)
$$;
CREATE FUNCTION stage_visit_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM stage_visit_refresh(TG_OP, OLD, NEW)\073 RETURN NULL\073 END';
CREATE TRIGGER "StageVisit_stage_time" AFTER INSERT OR UPDATE OR DELETE ON "StageVisit" FOR EACH ROW EXECUTE FUNCTION stage_visit_changed();

-- A journey's end closes the visit it ended in.
CREATE FUNCTION journey_end_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM stage_time_refresh(NEW."id", s."stage") FROM (SELECT DISTINCT "stage" FROM "StageVisit" WHERE "journeyId" = NEW."id" AND "leftAt" IS NULL) s\073 RETURN NULL\073 END';
CREATE TRIGGER "Journey_stage_time" AFTER UPDATE OF "endedAt" ON "Journey" FOR EACH ROW
  WHEN (OLD."endedAt" IS DISTINCT FROM NEW."endedAt") EXECUTE FUNCTION journey_end_changed();

-- Each wait carries its journey's kind and start (as the visits do), so a cohort's waits are one
-- index range, and the daily rollup is kept by kind.
ALTER TABLE "JourneyWait" ADD COLUMN "journeyKind" TEXT, ADD COLUMN "journeyStartedAt" TIMESTAMP(3);
UPDATE "JourneyWait" w SET "journeyKind" = j."kind", "journeyStartedAt" = j."startedAt" FROM "Journey" j WHERE j."id" = w."journeyId";
CREATE FUNCTION journey_wait_journey() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN SELECT j."kind", j."startedAt" INTO NEW."journeyKind", NEW."journeyStartedAt" FROM "Journey" j WHERE j."id" = NEW."journeyId"\073 RETURN NEW\073 END';
CREATE TRIGGER "JourneyWait_journey" BEFORE INSERT OR UPDATE OF "journeyId" ON "JourneyWait" FOR EACH ROW EXECUTE FUNCTION journey_wait_journey();

-- WaitDay: the waits that have ended, by the UTC day each began, its journey's kind, the stage it
-- began in ('' before any) and the role it waited on ('nobody': a timer): how many, the time they
-- waited in full, and how many ended past their deadline. The bottlenecks read whole days here.
CREATE TABLE "WaitDay" (
    "day" DATE NOT NULL,
    "journeyKind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "waits" INTEGER NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "overdue" INTEGER NOT NULL,

    CONSTRAINT "WaitDay_pkey" PRIMARY KEY ("day", "journeyKind", "stage", "role")
);

-- Adds an ended wait to its day (sign 1) or takes it back out (-1).
CREATE FUNCTION wait_day_add(w "JourneyWait", sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WaitDay" AS d ("day", "journeyKind", "stage", "role", "waits", "seconds", "overdue")
  SELECT (w."since")::date, coalesce(w."journeyKind", ''), coalesce(w."stage", ''), coalesce(w."role", 'nobody'), sign,
         sign * extract(epoch FROM w."endedAt" - w."since")::float8, CASE WHEN w."deadline" < w."endedAt" THEN sign ELSE 0 END
  WHERE w."endedAt" IS NOT NULL
  ON CONFLICT ("day", "journeyKind", "stage", "role") DO UPDATE
    SET "waits" = d."waits" + excluded."waits", "seconds" = d."seconds" + excluded."seconds", "overdue" = d."overdue" + excluded."overdue"
$$;
CREATE FUNCTION journey_wait_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM wait_day_add(OLD, -1) WHERE TG_OP <> ''INSERT''\073 PERFORM wait_day_add(NEW, 1) WHERE TG_OP <> ''DELETE''\073 RETURN NULL\073 END';
CREATE TRIGGER "JourneyWait_wait_day" AFTER INSERT OR UPDATE OR DELETE ON "JourneyWait" FOR EACH ROW EXECUTE FUNCTION journey_wait_changed();

-- Both rollups from the raw rows, into empty tables: here, and after a bulk load written with
-- triggers off (bench/analytics.ts).
CREATE FUNCTION stage_time_fill() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StageTime" ("journeyId", "stage", "kind", "journeyStartedAt", "firstEnteredAt", "visits", "visitsLeft", "nextVisits", "seconds")
  SELECT * FROM "StageTimeOfVisits"
$$;
CREATE FUNCTION wait_day_fill() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WaitDay" ("day", "journeyKind", "stage", "role", "waits", "seconds", "overdue")
  SELECT (w."since")::date, coalesce(w."journeyKind", ''), coalesce(w."stage", ''), coalesce(w."role", 'nobody'), count(*)::int,
         sum(extract(epoch FROM w."endedAt" - w."since"))::float8, count(*) FILTER (WHERE w."deadline" < w."endedAt")::int
  FROM "JourneyWait" w WHERE w."endedAt" IS NOT NULL
  GROUP BY 1, 2, 3, 4
$$;
SELECT stage_time_fill();
SELECT wait_day_fill();

-- A cohort's stage times and waits, each one index range read from the index alone.
CREATE INDEX "StageTime_cohort_idx" ON "StageTime"("kind", "journeyStartedAt") INCLUDE ("journeyId", "stage", "firstEnteredAt", "visits", "visitsLeft", "nextVisits", "seconds");
CREATE INDEX "JourneyWait_cohort_idx" ON "JourneyWait"("journeyKind", "journeyStartedAt") INCLUDE ("journeyId", "kind", "role", "since", "endedAt");
-- The waits open at an instant (a bottleneck period's end): [since, endedAt) contains it. A wait
-- recorded as ending before it began (clocks) is an empty span, never an error on write.
CREATE INDEX "JourneyWait_span_idx" ON "JourneyWait" USING gist (tsrange("since", CASE WHEN "endedAt" IS NOT NULL THEN greatest("endedAt", "since") END))
  INCLUDE ("journeyKind", "stage", "role", "since", "endedAt", "deadline");
-- The waits begun in the part days at a period's ends, read from the index alone.
DROP INDEX "JourneyWait_since_idx";
CREATE INDEX "JourneyWait_since_idx" ON "JourneyWait"("since") INCLUDE ("journeyKind", "stage", "role", "endedAt", "deadline");
-- The live map's overdue journeys: the open waits past their deadline.
CREATE INDEX "JourneyWait_open_deadline_idx" ON "JourneyWait"("deadline") INCLUDE ("journeyId") WHERE "endedAt" IS NULL;
