import { Stack } from '@mui/material';
import { RecordField } from 'react-admin';
import { FactGrid, wide } from '../../common/FactGrid';
import { RelativeTime } from '../../common/RelativeTime';
import { SectionCard } from '../../common/SectionCard';
import { useT } from '../../i18n/useT';
import type { Inquiry, JourneyDetail } from '../../types';

// Values passed as children: the record context here is the journey, not the inquiry.
const InquiryFacts = ({ inquiry }: { inquiry: Inquiry }) => {
  const t = useT();
  return (
    <FactGrid>
      <RecordField label={t('app.inquiry.project_type')}>{inquiry.projectType}</RecordField>
      <RecordField label={t('app.inquiry.budget_range')}>{inquiry.budgetRange}</RecordField>
      <RecordField label={t('app.inquiry.timeline')}>{inquiry.timeline}</RecordField>
      <RecordField label={t('app.inquiry.received')}>
        <RelativeTime date={inquiry.receivedAt} />
      </RecordField>
      <RecordField label={t('app.inquiry.description')} sx={wide}>
        {inquiry.description}
      </RecordField>
    </FactGrid>
  );
};

/** What the customer wrote in the contact form that started the journey. */
export const InquirySection = ({ journey }: { journey: JourneyDetail }) => {
  const t = useT();
  return journey.inquiries.length === 0 ? null : (
    <SectionCard title={journey.inquiries.length > 1 ? t('app.inquiry.inquiries') : t('app.inquiry.inquiry')}>
      <Stack spacing={3}>
        {journey.inquiries.map((inquiry) => (
          <InquiryFacts key={inquiry.id} inquiry={inquiry} />
        ))}
      </Stack>
    </SectionCard>
  );
};
