import { Stack } from '@mui/material';
import { RecordField } from 'react-admin';
import { FactGrid, wide } from '../../common/FactGrid';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard } from '../../common/SectionCard';
import type { Inquiry, JourneyDetail } from '../../types';

// Values passed as children: the record context here is the journey, not the inquiry.
const InquiryFacts = ({ inquiry }: { inquiry: Inquiry }) => (
  <FactGrid>
    <RecordField label="Project type">{inquiry.projectType}</RecordField>
    <RecordField label="Budget range">{inquiry.budgetRange}</RecordField>
    <RecordField label="Timeline">{inquiry.timeline}</RecordField>
    <RecordField label="Received">
      <RelativeTime date={inquiry.receivedAt} />
    </RecordField>
    <RecordField label="Description" sx={wide}>
      {inquiry.description}
    </RecordField>
  </FactGrid>
);

/** What the customer wrote in the contact form that started the journey. */
export const InquirySection = ({ journey }: { journey: JourneyDetail }) =>
  journey.inquiries.length === 0 ? null : (
    <SectionCard title={journey.inquiries.length > 1 ? 'Inquiries' : 'Inquiry'}>
      <Stack spacing={3}>
        {journey.inquiries.map((inquiry) => (
          <InquiryFacts key={inquiry.id} inquiry={inquiry} />
        ))}
      </Stack>
    </SectionCard>
  );
