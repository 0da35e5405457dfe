// Stage visits: each stage_entered event of a cohort's journeys (the query's CTE `c`), with when
// the journey left the stage (the next stage's entry, or its end; null while it is still there)
// and where it went (null: it ended there, or has not left).
import { Prisma } from '../../prisma/generated/client';

export const STAGE_VISITS = Prisma.sql`
  SELECT e."journeyId", e.data->>'stage' AS stage, e.at,
         coalesce(lead(e.at) OVER w, c."endedAt") AS left_at,
         lead(e.data->>'stage') OVER w AS next_stage
  FROM c JOIN "JourneyEvent" e ON e."journeyId" = c.id AND e.type = 'stage_entered'
  WINDOW w AS (PARTITION BY e."journeyId" ORDER BY e.at, e.id)`;
