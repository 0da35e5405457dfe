// A customer's health score (0-100) and what each signal took off it, so the account page can show
// every input and an owner can see why an account is at risk. Pure and deterministic: the signals
// are gathered elsewhere, and the workflow decides what falling below the threshold opens.
//
// The score starts at 100 and each signal takes off up to its share; the shares add up to 100, so
// the score stays within 0-100 without clamping. A signal not known yet (no rating, no survey, no
// check-in held) takes nothing off: a new account starts healthy.
// | signal            | takes off                                              | at most |
// | CSAT ratings      | 5 × (5 − average), to the nearest point (halves up)    | 20      |
// | NPS               | detractor (0-6) 20, passive (7-8) 8, promoter (9-10) 0 | 20      |
// | tickets           | 2 for each beyond the first 2                          | 10      |
// | SLA breaches      | 5 each                                                 | 15      |
// | overdue invoices  | 5 each                                                 | 15      |
// | missed check-ins  | 5 each                                                 | 10      |
// | last sentiment    | negative 10, neutral 4, positive 0                     | 10      |
// An account is at risk when its score is below the threshold (RETENTION_AT_RISK_BELOW, 60 by default).

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Seed 003 names no threshold: below 60, an account has lost more than both satisfaction shares (40). */
export const DEFAULT_AT_RISK_BELOW = 60;

export type HealthSignals = {
  /** Ratings (1-5) of the account's tickets closed in the window (the last 90 days). */
  csatRatings: readonly number[];
  /** The latest NPS answer (0-10), from the annual survey; null before the first. */
  nps: number | null;
  /** Tickets raised in the window. */
  tickets: number;
  /** SLA breaches on them. */
  breaches: number;
  /** Invoices past their due date and not paid. */
  overdueInvoices: number;
  /** Check-ins missed since the last one held. */
  missedCheckIns: number;
  /** The sentiment recorded at the last check-in held; null before the first. */
  lastSentiment: Sentiment | null;
};

export type HealthInput = 'csat' | 'nps' | 'tickets' | 'breaches' | 'overdueInvoices' | 'missedCheckIns' | 'sentiment';

export type Contribution = {
  input: HealthInput;
  /** What the signal was: the CSAT average, the NPS answer, a count, the sentiment; null if not known. */
  value: number | Sentiment | null;
  /** Points it took off the score. */
  penalty: number;
  maxPenalty: number;
};

export type Health = { score: number; atRisk: boolean; contributions: Contribution[] };

type Rule = { input: HealthInput; maxPenalty: number; value: (s: HealthSignals) => Contribution['value']; penalty: (s: HealthSignals) => number };

/** `n / d` to the nearest integer, halves up (integers only, so no floating-point near-halves). */
const divideHalfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const npsPenalty = (score: number) => (score >= 9 ? 0 : score >= 7 ? 8 : 20);
const SENTIMENT_PENALTY: Record<Sentiment, number> = { positive: 0, neutral: 4, negative: 10 };

const RULES: readonly Rule[] = [
  {
    input: 'csat',
    maxPenalty: 20,
    value: (s) => (s.csatRatings.length ? sum(s.csatRatings) / s.csatRatings.length : null),
    // 5 × (5 − sum / count) = 5 × (5 × count − sum) / count
    penalty: ({ csatRatings: r }) => (r.length ? divideHalfUp(5 * (5 * r.length - sum(r)), r.length) : 0),
  },
  { input: 'nps', maxPenalty: 20, value: (s) => s.nps, penalty: (s) => (s.nps === null ? 0 : npsPenalty(s.nps)) },
  { input: 'tickets', maxPenalty: 10, value: (s) => s.tickets, penalty: (s) => 2 * Math.max(0, s.tickets - 2) },
  { input: 'breaches', maxPenalty: 15, value: (s) => s.breaches, penalty: (s) => 5 * s.breaches },
  { input: 'overdueInvoices', maxPenalty: 15, value: (s) => s.overdueInvoices, penalty: (s) => 5 * s.overdueInvoices },
  { input: 'missedCheckIns', maxPenalty: 10, value: (s) => s.missedCheckIns, penalty: (s) => 5 * s.missedCheckIns },
  { input: 'sentiment', maxPenalty: 10, value: (s) => s.lastSentiment, penalty: (s) => (s.lastSentiment ? SENTIMENT_PENALTY[s.lastSentiment] : 0) },
];

/** The score, whether it is below `atRiskBelow`, and each signal's part in it, in the table's order. */
export function healthOf(signals: HealthSignals, atRiskBelow: number): Health {
  const contributions = RULES.map((rule) => ({
    input: rule.input,
    value: rule.value(signals),
    penalty: Math.min(rule.maxPenalty, rule.penalty(signals)),
    maxPenalty: rule.maxPenalty,
  }));
  const score = 100 - sum(contributions.map((c) => c.penalty));
  return { score, atRisk: score < atRiskBelow, contributions };
}
