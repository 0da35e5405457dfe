import fs from 'node:fs';
import { startHarness, type Harness } from '../support/harness';
import { journeyDriver } from '../support/journey-driver';
import { projectReader } from '../support/projects';
import { threeMilestoneDraft } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

it('dumps', async () => {
  const drive = journeyDriver(h);
  const read = projectReader(h);
  const { deliveryId, projectId } = await drive.projectInProgress({ country: 'gb' }, threeMilestoneDraft);
  const [m1] = await read.milestonesOf(projectId);
  await drive.deliverMilestone(deliveryId, 1, 1, 'request-changes', 'The logo is too small');
  await drive.deliverMilestone(deliveryId, 1, 2);
  const inv = await read.invoiceOf(m1!.id);
  const cr = await h.as('pm')('POST', `/api/journeys/${encodeURIComponent(deliveryId)}/change-requests`, { title: 'Gift cards', description: 'Sell gift cards', costMinor: 150_000, days: 5 });
  console.log(cr.status);
  const d = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(deliveryId)}`);
  fs.writeFileSync('/tmp/delivery.json', JSON.stringify(d.body, null, 2));
  const b = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(inv.journeyId)}`);
  fs.writeFileSync('/tmp/billing.json', JSON.stringify(b.body, null, 2));
  const l = await h.as('finance')('GET', `/api/invoices`);
  fs.writeFileSync('/tmp/invoices.json', JSON.stringify(l.body, null, 2));
  const a = await h.as('manager')('GET', `/api/journeys/${encodeURIComponent(d.body.project.journeyId)}`);
  fs.writeFileSync('/tmp/acq.json', JSON.stringify(a.body, null, 2));
});
