// How each kind of journey event reads in the timeline. Journeys added later record types this
// file does not know: those still show, under a readable name, with their data as short facts.
import DueChangedIcon from '@mui/icons-material/EditCalendar';
import LeadIcon from '@mui/icons-material/PersonAdd';
import StageIcon from '@mui/icons-material/Flag';
import TaskIcon from '@mui/icons-material/Assignment';
import ClaimIcon from '@mui/icons-material/PanTool';
import ReleaseIcon from '@mui/icons-material/Undo';
import AssignIcon from '@mui/icons-material/SwitchAccount';
import CommentIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import ReminderIcon from '@mui/icons-material/Notifications';
import DoneIcon from '@mui/icons-material/AssignmentTurnedIn';
import OverdueIcon from '@mui/icons-material/AssignmentLate';
import EscalatedIcon from '@mui/icons-material/PriorityHigh';
import CancelledIcon from '@mui/icons-material/Block';
import EndIcon from '@mui/icons-material/SportsScore';
import QuoteIcon from '@mui/icons-material/RequestQuote';
import EventIcon from '@mui/icons-material/Bolt';
import FailedIcon from '@mui/icons-material/ErrorOutlineOutlined';
import RetryIcon from '@mui/icons-material/Replay';
import PausedIcon from '@mui/icons-material/PauseCircleOutlined';
import ResumedIcon from '@mui/icons-material/PlayCircleOutlined';
import TicketIcon from '@mui/icons-material/SupportAgent';
import ReplyIcon from '@mui/icons-material/Reply';
import NoteIcon from '@mui/icons-material/LockOutlined';
import CustomerReplyIcon from '@mui/icons-material/Person';
import TriageIcon from '@mui/icons-material/AltRoute';
import RatingIcon from '@mui/icons-material/StarBorder';
import RenewIcon from '@mui/icons-material/EventRepeat';
import LapsedIcon from '@mui/icons-material/EventBusy';
import AdvocacyIcon from '@mui/icons-material/Campaign';
import type { ReactElement, ReactNode } from 'react';
import { Link } from 'react-admin';
import { calendarDate, exactTime } from '../common/RelativeTime';
import { humanize } from '../common/humanize';
import { formatMoney } from '../common/money';
import type { MessageKey } from '../i18n/en';
import type { TranslateNodes } from '../i18n/interpolate';
import type { useT } from '../i18n/useT';
import type { JourneyEvent } from '../types';

export type EventContext = {
  /** The task an event is about, as a link to it. */
  taskLink: (taskId: unknown) => ReactNode;
  /** A stage of this journey's kind, by its label. */
  stageLabel: (stage: string) => string;
  userName: (id: string | null | undefined) => string | undefined;
  /** The UI's words (useT), and its sentences with nodes in them (useTNodes). */
  t: ReturnType<typeof useT>;
  tx: TranslateNodes;
  /** A status (`COMPLETED`) as people read it. */
  status: (status: string) => string;
  /** A role's queue (`sales`) as people read it. */
  role: (role: string) => string;
  /** An SLA clock (`firstResponse`) as people read it, in a sentence. */
  clock: (clock: string) => string;
};

export type DescribedEvent = {
  icon: ReactElement;
  tone?: 'error' | 'warning' | 'success';
  text: ReactNode;
  /** A longer text shown under the line: a comment, a reason. */
  detail?: string;
};

type Describe = (data: JourneyEvent['data'], ctx: EventContext) => Omit<DescribedEvent, 'icon' | 'tone'>;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** A calendar day (`YYYY-MM-DD`) as people read it. */
/** Where repeat business was found (the API's OPPORTUNITY_SOURCES), by its key under app.events.sources. */
const SOURCES = ['check-in', 'review', 'ticket', 'account'];
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarDate(`${v}T00:00:00Z`, { utc: true }) : str(v));

const KNOWN: Record<string, { icon: ReactElement; tone?: DescribedEvent['tone']; describe: Describe }> = {
  lead_received: {
    icon: <LeadIcon />,
    describe: (d, c) => ({
      text: c.t('app.events.lead_received', { name: str(d.contactName) || c.t('app.events.the_contact_form') }),
      detail: [d.projectType, d.budgetRange, d.timeline].filter(Boolean).join(' · '),
    }),
  },
  opportunity_opened: {
    icon: <LeadIcon />,
    describe: (d, c) => {
      const name = c.userName(str(d.openedBy));
      const source = c.t(SOURCES.includes(str(d.source)) ? (`app.events.sources.${str(d.source)}` as MessageKey) : 'app.events.sources.account');
      return {
        text: name ? c.t('app.events.opportunity_opened_by', { name, source }) : c.t('app.events.opportunity_opened', { source }),
        detail: [d.projectType, d.budgetRange, d.timeline, d.description].filter(Boolean).join(' · '),
      };
    },
  },
  repeat_business_opened: {
    icon: <LeadIcon />,
    tone: 'success',
    describe: (d, c) => ({
      text: c.tx('app.events.repeat_business_opened', {
        journey: <Link to={`/journeys/${encodeURIComponent(str(d.journeyId))}/show`}>{str(d.projectType) || c.t('app.events.a_new_journey')}</Link>,
      }),
    }),
  },
  stage_entered: { icon: <StageIcon />, describe: (d, c) => ({ text: c.tx('app.events.stage_entered', { stage: <strong>{c.stageLabel(str(d.stage))}</strong> }) }) },
  task_created: {
    icon: <TaskIcon />,
    describe: (d, c) => ({
      text: d.role ? c.tx('app.events.task_created_for', { task: c.taskLink(d.taskId) }, { role: c.role(str(d.role)) }) : c.tx('app.events.task_created', { task: c.taskLink(d.taskId) }),
    }),
  },
  task_claimed: { icon: <ClaimIcon />, describe: (d, c) => ({ text: c.tx('app.events.task_claimed', { task: c.taskLink(d.taskId) }) }) },
  task_unclaimed: { icon: <ReleaseIcon />, describe: (d, c) => ({ text: c.tx('app.events.task_unclaimed', { task: c.taskLink(d.taskId) }) }) },
  task_assigned: {
    icon: <AssignIcon />,
    describe: (d, c) => ({
      text: d.assignee
        ? c.tx('app.events.task_assigned', { task: c.taskLink(d.taskId) }, { person: c.userName(str(d.assignee)) ?? c.t('app.timeline.someone') })
        : c.tx('app.events.task_handed_back', { task: c.taskLink(d.taskId) }),
      detail: str(d.reason),
    }),
  },
  task_commented: { icon: <CommentIcon />, describe: (d, c) => ({ text: c.tx('app.events.task_commented', { task: c.taskLink(d.taskId) }), detail: str(d.body) }) },
  task_reminded: {
    icon: <ReminderIcon />,
    tone: 'warning',
    describe: (d, c) => ({ text: c.tx('app.events.task_reminded', { task: c.taskLink(d.taskId) }, { person: c.userName(str(d.to)) ?? str(d.to) }) }),
  },
  task_overdue: { icon: <OverdueIcon />, tone: 'error', describe: (d, c) => ({ text: c.tx('app.events.task_overdue', { task: c.taskLink(d.taskId) }) }) },
  task_escalated: {
    icon: <EscalatedIcon />,
    tone: 'error',
    describe: (d, c) => ({ text: c.tx('app.events.task_escalated', { task: c.taskLink(d.taskId) }, { queue: c.role(str(d.from)) }) }),
  },
  task_due_changed: {
    icon: <DueChangedIcon />,
    describe: (d, c) => ({
      text: c.tx('app.events.task_due_changed', { task: c.taskLink(d.taskId) }, { from: exactTime(str(d.from)), to: exactTime(str(d.dueAt)) }),
      detail: str(d.reason),
    }),
  },
  task_clock_paused: { icon: <PausedIcon />, describe: (d, c) => ({ text: c.tx('app.events.task_clock_paused', { task: c.taskLink(d.taskId) }) }) },
  task_clock_resumed: {
    icon: <ResumedIcon />,
    describe: (d, c) => ({
      text: d.dueAt
        ? c.tx('app.events.task_clock_resumed_due', { task: c.taskLink(d.taskId) }, { due: exactTime(str(d.dueAt)) })
        : c.tx('app.events.task_clock_resumed', { task: c.taskLink(d.taskId) }),
    }),
  },
  task_cancelled: { icon: <CancelledIcon />, describe: (d, c) => ({ text: c.tx('app.events.task_cancelled', { task: c.taskLink(d.taskId) }), detail: str(d.reason) }) },
  task_completed: { icon: <DoneIcon />, tone: 'success', describe: (d, c) => ({ text: c.tx('app.events.task_completed', { task: c.taskLink(d.taskId) }) }) },
  quote_created: { icon: <QuoteIcon />, describe: (d, c) => ({ text: c.t('app.events.quote_created', { version: str(d.version) }) }) },
  quote_status: {
    icon: <QuoteIcon />,
    describe: (d, c) => ({ text: c.t('app.events.quote_status', { version: str(d.version), status: c.status(str(d.status)) }), detail: str(d.feedback) }),
  },
  journey_ended: {
    icon: <EndIcon />,
    describe: (d, c) => ({ text: c.tx('app.events.journey_ended', { status: <strong>{c.status(str(d.status))}</strong> }), detail: str(d.reason) }),
  },
  journey_failed: {
    icon: <FailedIcon />,
    tone: 'error',
    describe: (d, c) => ({ text: c.tx('app.events.journey_failed', { failed: <strong>{c.t('app.events.failed')}</strong> }), detail: str(d.reason) }),
  },
  ticket_raised: {
    icon: <TicketIcon />,
    describe: (d, c) => ({ text: c.t('app.events.ticket_raised', { number: str(d.number), priority: str(d.priority), category: str(d.category), queue: str(d.queue) }) }),
  },
  ticket_agent_replied: { icon: <ReplyIcon />, describe: (d, c) => ({ text: c.t('app.events.ticket_agent_replied', { name: str(d.name) }) }) },
  ticket_note_added: { icon: <NoteIcon />, describe: (d, c) => ({ text: c.t('app.events.ticket_note_added', { name: str(d.name) }) }) },
  ticket_customer_replied: {
    icon: <CustomerReplyIcon />,
    describe: (d, c) => ({ text: c.t('app.events.ticket_customer_replied', { name: str(d.name) || c.t('app.timeline.the_customer') }) }),
  },
  ticket_triaged: {
    icon: <TriageIcon />,
    describe: (d, c) => {
      const [from, to] = [d.from, d.to] as Partial<Record<'priority' | 'queue' | 'assigneeId', string | null>>[];
      const changes = [
        from?.priority !== to?.priority && c.t('app.events.triage_priority', { from: str(from?.priority), to: str(to?.priority) }),
        from?.queue !== to?.queue && c.t('app.events.triage_queue', { from: str(from?.queue), to: str(to?.queue) }),
        from?.assigneeId !== to?.assigneeId &&
          c.t('app.events.triage_assigned', { name: to?.assigneeId ? (c.userName(to.assigneeId) ?? c.t('app.timeline.someone')) : c.t('app.timeline.nobody') }),
      ].filter(Boolean);
      return {
        text: changes.length ? c.t('app.events.ticket_triaged_changes', { name: str(d.name), changes: changes.join(', ') }) : c.t('app.events.ticket_triaged', { name: str(d.name) }),
        detail: str(d.reason),
      };
    },
  },
  ticket_sla_warning: { icon: <ReminderIcon />, tone: 'warning', describe: (d, c) => ({ text: c.t('app.events.ticket_sla_warning', { clock: c.clock(str(d.clock)) }) }) },
  ticket_sla_breach: { icon: <OverdueIcon />, tone: 'error', describe: (d, c) => ({ text: c.t('app.events.ticket_sla_breach', { clock: c.clock(str(d.clock)) }) }) },
  ticket_sla_escalation: { icon: <EscalatedIcon />, tone: 'error', describe: (d, c) => ({ text: c.t('app.events.ticket_sla_escalation', { clock: c.clock(str(d.clock)) }) }) },
  ticket_closed: {
    icon: <EndIcon />,
    describe: (d, c) => ({
      text: d.mergedInto ? c.t('app.events.ticket_closed_merged', { ticket: str(d.mergedInto) }) : c.t('app.events.ticket_closed'),
      detail: str(d.reason),
    }),
  },
  ticket_rated: { icon: <RatingIcon />, describe: (d, c) => ({ text: c.t('app.events.ticket_rated', { rating: str(d.rating) }), detail: str(d.comment) }) },
  contract_term_set: {
    icon: <RenewIcon />,
    describe: (d, c) => ({ text: d.endsOn ? c.t('app.events.contract_term_set', { day: day(d.endsOn) }) : c.t('app.events.contract_term_removed') }),
  },
  contract_renewed: { icon: <RenewIcon />, tone: 'success', describe: (d, c) => ({ text: c.t('app.events.contract_renewed', { day: day(d.newEndsOn) }), detail: str(d.notes) }) },
  contract_not_renewed: {
    icon: <LapsedIcon />,
    tone: 'warning',
    describe: (d, c) => ({ text: c.t('app.events.contract_not_renewed', { day: day(d.endsOn) }), detail: str(d.notes) }),
  },
  contract_lapsed: { icon: <LapsedIcon />, tone: 'error', describe: (d, c) => ({ text: c.t('app.events.contract_lapsed', { day: day(d.endsOn) }) }) },
  advocacy_offered: {
    icon: <AdvocacyIcon />,
    tone: 'success',
    describe: (d, c) => ({ text: c.t(d.testimonial ? 'app.events.advocacy_offered_testimonial' : 'app.events.advocacy_offered') }),
  },
  advocacy_declined: { icon: <AdvocacyIcon />, describe: (_d, c) => ({ text: c.t('app.events.advocacy_declined') }) },
  advocacy_unanswered: { icon: <AdvocacyIcon />, describe: (_d, c) => ({ text: c.t('app.events.advocacy_unanswered') }) },
  journey_retried: {
    icon: <RetryIcon />,
    describe: (d, c) => ({ text: c.tx('app.events.journey_retried', { retried: <strong>{c.t('app.events.retried')}</strong> }), detail: str(d.reason) }),
  },
};

// Amounts are integer minor units (`totalMinor`): shown as money, in the event's currency when it names one.
const fact = (key: string, v: unknown, data: JourneyEvent['data']) =>
  /.Minor$/.test(key) && typeof v === 'number'
    ? `${humanize(key.slice(0, -'Minor'.length))}: ${formatMoney(v, typeof data.currency === 'string' ? data.currency : undefined)}`
    : `${humanize(key)}: ${String(v)}`;

// Ids mean nothing to people; short plain values say what happened (the currency is in the amounts).
const summarise = (data: JourneyEvent['data']) =>
  Object.entries(data)
    .filter(([key, v]) => !/id$/i.test(key) && key !== 'currency' && ['string', 'number', 'boolean'].includes(typeof v) && String(v).length <= 80)
    .map(([key, v]) => fact(key, v, data))
    .join(' · ');

export function describeEvent(event: JourneyEvent, ctx: EventContext): DescribedEvent {
  const known = KNOWN[event.type];
  if (!known) return { icon: <EventIcon />, text: humanize(event.type), detail: summarise(event.data) || undefined };
  const { text, detail } = known.describe(event.data, ctx);
  return { icon: known.icon, tone: known.tone, text, detail: detail || undefined };
}
