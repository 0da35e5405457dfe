// Why a journey ended, with what the reason names (a project, an invoice, a ticket, a journey) as
// links the API resolved (api/domain/end-reason.ts), never their ids.
import { Link } from 'react-admin';
import type { JourneyDetail } from '../types';

export const EndReason = ({ reason, parts }: { reason: string; parts: JourneyDetail['endReasonParts'] }) => (
  <>
    {(parts ?? [{ text: reason }]).map((part, n) =>
      part.link ? (
        <Link key={n} to={`/${part.link.resource}/${encodeURIComponent(part.link.id)}/show`}>
          {part.text}
        </Link>
      ) : (
        <span key={n}>{part.text}</span>
      ),
    )}
  </>
);
