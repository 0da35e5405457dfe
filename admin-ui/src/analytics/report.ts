// The analytics reports as the API answers them (api/contract/analytics.ts), and one hook that
// fetches a report for the page's period, kind and segment.
import { useQuery } from '@tanstack/react-query';
import type { BottlenecksReport, CycleTimesReport, FunnelReport, JourneyMapReport, RetentionReport, SupportReport } from '../../../api/contract/analytics';
import { httpClient } from '../dataProvider';

export type { BottlenecksReport, CycleTimesReport, FunnelReport, JourneyMapReport, RetentionReport, SupportReport };

type Reports = { funnel: FunnelReport; 'cycle-times': CycleTimesReport; bottlenecks: BottlenecksReport; support: SupportReport; retention: RetentionReport; 'journey-map': JourneyMapReport };

/** What the page asks every report: empty values are left out (the API's defaults apply). */
export type AnalyticsQuery = {
  from: string;
  to: string;
  kind: string;
  projectType: string;
  budgetRange: string;
  source: '' | 'new' | 'returning';
  salesperson: string;
};

export const queryString = (q: Partial<AnalyticsQuery>) =>
  new URLSearchParams(Object.entries(q).filter((entry): entry is [string, string] => !!entry[1])).toString();

export function useReport<N extends keyof Reports>(name: N, q: Partial<AnalyticsQuery>) {
  const search = queryString(q);
  return useQuery({
    queryKey: ['analytics', name, search],
    queryFn: () => httpClient(`/api/analytics/${name}?${search}`).then(({ json }) => json as Reports[N]),
  });
}

/** The tables the reports give as CSV (each a download button, its label under app.analytics.csv_tables). */
export type CsvTable = 'stages' | 'edges' | 'targets' | 'drop-offs' | 'by-month' | 'roles' | 'priorities' | 'lifetime-value' | 'health';

/** The same report's table as a CSV download. */
export const csvHref = (name: keyof Reports, q: Partial<AnalyticsQuery>, table: CsvTable) => `/api/analytics/${name}?${queryString({ ...q, format: 'csv', table } as Partial<AnalyticsQuery>)}`;
