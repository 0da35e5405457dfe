// What each journey kind adds to the journey page, in order, between what every journey shows
// (the map, what it waits on, tasks, decisions, emails, the timeline). Adding a kind: one line here.
import type { ComponentType } from 'react';
import type { JourneyDetail } from '../types';
import { DealSection } from './acquisition/DealSection';
import { InquirySection } from './acquisition/InquirySection';
import { InvoiceSection } from './billing/InvoiceSection';
import { ProjectSection } from './delivery/ProjectSection';
import { AccountOfJourney } from './retention/AccountOfJourney';
import { TicketSection } from './support/TicketSection';

type Section = ComponentType<{ journey: JourneyDetail }>;

export const kindSections: Record<string, Section[]> = {
  // A won acquisition shows the project it created; a billing journey the project it bills.
  acquisition: [ProjectSection, DealSection, InquirySection],
  delivery: [ProjectSection],
  billing: [InvoiceSection, ProjectSection],
  support: [TicketSection],
  retention: [AccountOfJourney],
};
