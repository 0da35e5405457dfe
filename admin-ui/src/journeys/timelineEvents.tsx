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
import { OPPORTUNITY_SOURCE_LABELS } from '../retention/opportunitySources';
import { calendarDate, exactTime } from '../common/RelativeTime';
import { humanize } from '../common/humanize';
import { formatMoney } from '../common/money';
import type { JourneyEvent } from '../types';

export type EventContext = {
  /** The task an event is about, as a link to it. */
  taskLink: (taskId: unknown) => ReactNode;
  /** A stage of this journey's kind, by its label. */
  stageLabel: (stage: string) => string;
  userName: (id: string | null | undefined) => string | undefined;
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
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? calendarDate(`${v}T00:00:00Z`, { utc: true }) : str(v));

const KNOWN: Record<string, { icon: ReactElement; tone?: DescribedEvent['tone']; describe: Describe }> = {
  lead_received: {
    icon: <LeadIcon />,
    describe: (d) => ({ text: `Lead received from ${str(d.contactName) || 'the contact form'}`, detail: [d.projectType, d.budgetRange, d.timeline].filter(Boolean).join(' · ') }),
  },
  opportunity_opened: {
    icon: <LeadIcon />,
    describe: (d, c) => ({
      text: `Repeat business opened${c.userName(str(d.openedBy)) ? ` by ${c.userName(str(d.openedBy))}` : ''}, found in ${OPPORTUNITY_SOURCE_LABELS[str(d.source)] ?? 'the account'}`,
      detail: [d.projectType, d.budgetRange, d.timeline, d.description].filter(Boolean).join(' · '),
    }),
  },
  repeat_business_opened: {
    icon: <LeadIcon />,
    tone: 'success',
    describe: (d) => ({ text: <>New project opened with the client: <Link to={`/journeys/${encodeURIComponent(str(d.journeyId))}/show`}>{str(d.projectType) || 'a new journey'}</Link></> }),
  },
  stage_entered: { icon: <StageIcon />, describe: (d, c) => ({ text: <>Entered stage <strong>{c.stageLabel(str(d.stage))}</strong></> }) },
  task_created: {
    icon: <TaskIcon />,
    describe: (d, c) => ({ text: <>Task created: {c.taskLink(d.taskId)}{d.role ? ` for the ${str(d.role)} queue` : ''}</> }),
  },
  task_claimed: { icon: <ClaimIcon />, describe: (d, c) => ({ text: <>Claimed {c.taskLink(d.taskId)}</> }) },
  task_unclaimed: { icon: <ReleaseIcon />, describe: (d, c) => ({ text: <>Released {c.taskLink(d.taskId)} to its queue</> }) },
  task_assigned: {
    icon: <AssignIcon />,
    describe: (d, c) => ({
      text: d.assignee ? <>Assigned {c.taskLink(d.taskId)} to {c.userName(str(d.assignee)) ?? 'someone'}</> : <>Handed {c.taskLink(d.taskId)} back to its queue</>,
      detail: str(d.reason),
    }),
  },
  task_commented: { icon: <CommentIcon />, describe: (d, c) => ({ text: <>Commented on {c.taskLink(d.taskId)}</>, detail: str(d.body) }) },
  task_reminded: {
    icon: <ReminderIcon />,
    tone: 'warning',
    describe: (d, c) => ({ text: <>Reminder: {c.taskLink(d.taskId)} is due soon ({c.userName(str(d.to)) ?? str(d.to)} told)</> }),
  },
  task_overdue: { icon: <OverdueIcon />, tone: 'error', describe: (d, c) => ({ text: <>Overdue: {c.taskLink(d.taskId)}</> }) },
  task_escalated: {
    icon: <EscalatedIcon />,
    tone: 'error',
    describe: (d, c) => ({ text: <>Escalated {c.taskLink(d.taskId)} from the {str(d.from)} queue to the managers</> }),
  },
  task_due_changed: {
    icon: <DueChangedIcon />,
    describe: (d, c) => ({
      text: <>Due date of {c.taskLink(d.taskId)} moved from {exactTime(str(d.from))} to {exactTime(str(d.dueAt))}</>,
      detail: str(d.reason),
    }),
  },
  task_clock_paused: { icon: <PausedIcon />, describe: (d, c) => ({ text: <>Clock paused on {c.taskLink(d.taskId)}: waiting on the customer</> }) },
  task_clock_resumed: {
    icon: <ResumedIcon />,
    describe: (d, c) => ({ text: <>Clock running again on {c.taskLink(d.taskId)}{d.dueAt ? <>, now due {exactTime(str(d.dueAt))}</> : null}</> }),
  },
  task_cancelled: { icon: <CancelledIcon />, describe: (d, c) => ({ text: <>Cancelled {c.taskLink(d.taskId)}</>, detail: str(d.reason) }) },
  task_completed: { icon: <DoneIcon />, tone: 'success', describe: (d, c) => ({ text: <>Completed {c.taskLink(d.taskId)}</> }) },
  quote_created: { icon: <QuoteIcon />, describe: (d) => ({ text: `Quote version ${str(d.version)} drafted` }) },
  quote_status: {
    icon: <QuoteIcon />,
    describe: (d) => ({ text: `Quote version ${str(d.version)}: ${str(d.status).toLowerCase()}`, detail: str(d.feedback) }),
  },
  journey_ended: {
    icon: <EndIcon />,
    describe: (d) => ({ text: <>Journey ended: <strong>{str(d.status).toLowerCase()}</strong></>, detail: str(d.reason) }),
  },
  journey_failed: {
    icon: <FailedIcon />,
    tone: 'error',
    describe: (d) => ({ text: <>Journey <strong>failed</strong>: it could not go on, and needs a developer or a manager</>, detail: str(d.reason) }),
  },
  ticket_raised: {
    icon: <TicketIcon />,
    describe: (d) => ({ text: `Ticket T-${str(d.number)} raised (${str(d.priority)}, ${str(d.category)}) in the ${str(d.queue)} queue` }),
  },
  ticket_agent_replied: { icon: <ReplyIcon />, describe: (d) => ({ text: `${str(d.name)} replied to the customer` }) },
  ticket_note_added: { icon: <NoteIcon />, describe: (d) => ({ text: `${str(d.name)} added an internal note` }) },
  ticket_customer_replied: { icon: <CustomerReplyIcon />, describe: (d) => ({ text: `${str(d.name) || 'The customer'} replied` }) },
  ticket_triaged: {
    icon: <TriageIcon />,
    describe: (d, c) => {
      const [from, to] = [d.from, d.to] as Partial<Record<'priority' | 'queue' | 'assigneeId', string | null>>[];
      const changes = [
        from?.priority !== to?.priority && `priority ${str(from?.priority)} → ${str(to?.priority)}`,
        from?.queue !== to?.queue && `queue ${str(from?.queue)} → ${str(to?.queue)}`,
        from?.assigneeId !== to?.assigneeId && `assigned to ${to?.assigneeId ? (c.userName(to.assigneeId) ?? 'someone') : 'nobody'}`,
      ].filter(Boolean);
      return { text: `${str(d.name)} triaged the ticket${changes.length ? `: ${changes.join(', ')}` : ''}`, detail: str(d.reason) };
    },
  },
  ticket_sla_warning: { icon: <ReminderIcon />, tone: 'warning', describe: (d) => ({ text: `SLA warning: ${humanize(str(d.clock)).toLowerCase()} at 75% of its target` }) },
  ticket_sla_breach: { icon: <OverdueIcon />, tone: 'error', describe: (d) => ({ text: `SLA breached: ${humanize(str(d.clock)).toLowerCase()}; the support lead was told` }) },
  ticket_sla_escalation: {
    icon: <EscalatedIcon />,
    tone: 'error',
    describe: (d) => ({ text: `Escalated: ${humanize(str(d.clock)).toLowerCase()} still not met` }),
  },
  ticket_closed: { icon: <EndIcon />, describe: (d) => ({ text: `Ticket closed${d.mergedInto ? `, merged into ${str(d.mergedInto)}` : ''}`, detail: str(d.reason) }) },
  ticket_rated: { icon: <RatingIcon />, describe: (d) => ({ text: `The customer rated it ${str(d.rating)}/5`, detail: str(d.comment) }) },
  contract_term_set: {
    icon: <RenewIcon />,
    describe: (d) => ({ text: d.endsOn ? `The contract's last day set to ${day(d.endsOn)}` : "The contract's last day removed: a one-off contract" }),
  },
  contract_renewed: { icon: <RenewIcon />, tone: 'success', describe: (d) => ({ text: `Contract renewed to ${day(d.newEndsOn)}`, detail: str(d.notes) }) },
  contract_not_renewed: { icon: <LapsedIcon />, tone: 'warning', describe: (d) => ({ text: `The client does not renew the contract ending ${day(d.endsOn)}`, detail: str(d.notes) }) },
  contract_lapsed: { icon: <LapsedIcon />, tone: 'error', describe: (d) => ({ text: `The contract ending ${day(d.endsOn)} lapsed with no renewal recorded` }) },
  advocacy_offered: {
    icon: <AdvocacyIcon />,
    tone: 'success',
    describe: (d) => ({ text: `The customer is glad to refer us${d.testimonial ? ', and gave words we may publish' : ''}: their referral link was emailed` }),
  },
  advocacy_declined: { icon: <AdvocacyIcon />, describe: () => ({ text: 'Asked to refer us, the customer said not now' }) },
  advocacy_unanswered: { icon: <AdvocacyIcon />, describe: () => ({ text: 'Asked to refer us, the customer did not answer' }) },
  journey_retried: {
    icon: <RetryIcon />,
    describe: (d) => ({ text: <>Journey <strong>retried</strong>: it runs again from the step that failed</>, detail: str(d.reason) }),
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
