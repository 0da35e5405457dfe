// Finance issues credit notes from the invoice's page, on the real stack: the dialog shows the
// balance due, takes the amount typed in the currency (cents for euros, whole yen) and a reason,
// and the note is listed on the invoice with its PDF. On a desktop and on a phone (390x844,
// nothing wider than the screen), with no critical or serious axe violation on the page.
// Figures worked by hand: €1,234.56 invoiced, €200.00 paid by transfer → €1,034.56 due; a note
// of €34.56 → €1,000.00 due. ¥123,456 invoiced; a note of ¥23,456 → ¥100,000 due; one of
// ¥100,000 → settled, the journey paid.
import type { Browser, Page } from 'playwright-core';
import type { Harness } from '../support/harness';
import { eventually } from '../support/http';
import { invoiceFor } from '../support/billing';
import { axeViolations, blocking, logIn, openApp, PHONE, screenshot, startBrowserStack, uniqueCompany, widerThanScreen } from './browser';

let h: Harness;
let browser: Browser;
startBrowserStack((started) => ({ h, browser } = started));

const section = (page: Page, title: string) => page.locator('.MuiCard-root', { has: page.getByRole('heading', { name: title, exact: true }) });

async function invoicePage(invoice: { journeyId: string; number: string }, viewport?: { width: number; height: number }) {
  const page = await openApp(browser, h.baseUrl, '/', viewport);
  await logIn(page, 'finance');
  await page.goto(`${h.baseUrl}/#/journeys/${encodeURIComponent(invoice.journeyId)}/show`);
  const statement = section(page, `Invoice ${invoice.number}`);
  await statement.waitFor();
  return { page, statement };
}

it('issues a credit note from the invoice page on a desktop: the balance shown, the note listed with its PDF', async () => {
  const invoice = await invoiceFor(h, 'EUR', 123_456, { companyName: uniqueCompany('Credit Cafe') });
  expect((await h.as('finance')('POST', `/api/invoices/${invoice.id}/payments`, { amountMinor: 20_000, reference: 'BT-BROWSER-1' })).status).toBe(202);
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.paidMinor === 20_000, 30_000);

  const { page, statement } = await invoicePage(invoice);
  await statement.getByRole('button', { name: 'Issue a credit note' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Balance due: €1,034.56').waitFor();
  expect(await dialog.getByLabel(/Amount to credit/).inputValue()).toBe('');
  expect(await dialog.getByRole('button', { name: 'Issue it' }).isDisabled()).toBe(true);
  await dialog.getByLabel(/Amount to credit/).fill('34.56');
  await dialog.getByText('€34.56 off; €1,000.00 left to pay').waitFor();
  // No reason yet: not sent.
  expect(await dialog.getByRole('button', { name: 'Issue it' }).isDisabled()).toBe(true);
  await dialog.getByLabel(/Reason/).fill('Two design rounds were not needed');
  await screenshot(page, 'credit-note-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Issue it' }).click();
  await page.getByText('Credit note for €34.56 issued: the customer is told by email').waitFor();
  await eventually(() => h.db.creditNote.findFirst({ where: { invoiceId: invoice.id, appliedAt: { not: null } } }), Boolean, 30_000);

  await page.reload();
  const after = section(page, `Invoice ${invoice.number}`);
  const note = after.getByRole('row').filter({ hasText: `CN-${invoice.number}-1` });
  await note.waitFor();
  expect(await note.textContent()).toContain('€34.56');
  expect(await note.textContent()).toContain('Two design rounds were not needed');
  const pdf = note.getByRole('link', { name: `Download CN-${invoice.number}-1 as PDF` });
  const href = (await pdf.getAttribute('href'))!;
  expect((await page.request.get(`${h.baseUrl}${href}`)).headers()['content-type']).toBe('application/pdf');
  await after.getByText('€1,000.00').first().waitFor();
  await screenshot(page, 'credit-note-listed');
  expect(blocking(await axeViolations(page))).toEqual([]);

  // More than is due: the API's refusal beside the amount, in money.
  await after.getByRole('button', { name: 'Issue a credit note' }).click();
  await page.getByRole('dialog').getByLabel(/Amount to credit/).fill('1000.01');
  await page.getByRole('dialog').getByLabel(/Reason/).fill('Too much');
  await page.getByRole('dialog').getByRole('button', { name: 'Issue it' }).click();
  await page.getByRole('dialog').getByText(/more than the €1,000.00 left to pay/).waitFor();
  expect(blocking(await axeViolations(page))).toEqual([]);
});

it('issues credit notes in whole yen on a phone, the last one settling the invoice', async () => {
  const invoice = await invoiceFor(h, 'JPY', 123_456, { companyName: uniqueCompany('Yen Yatai') });
  const { page, statement } = await invoicePage(invoice, PHONE);
  expect(await widerThanScreen(page)).toEqual([]);
  await statement.getByRole('button', { name: 'Issue a credit note' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Balance due: ¥123,456').waitFor();
  await dialog.getByLabel(/Amount to credit/).fill('23456');
  await dialog.getByText('¥23,456 off; ¥100,000 left to pay').waitFor();
  await dialog.getByLabel(/Reason/).fill('Discount agreed on the call');
  expect(await widerThanScreen(page)).toEqual([]);
  await screenshot(page, 'credit-note-dialog-phone', { fullPage: false });
  await dialog.getByRole('button', { name: 'Issue it' }).click();
  await page.getByText('Credit note for ¥23,456 issued: the customer is told by email').waitFor();
  await eventually(() => h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } }), (i) => i.creditedMinor === 23_456, 30_000);

  await page.reload();
  await section(page, `Invoice ${invoice.number}`).getByRole('button', { name: 'Issue a credit note' }).click();
  await page.getByRole('dialog').getByText('Balance due: ¥100,000').waitFor();
  await page.getByRole('dialog').getByLabel(/Amount to credit/).fill('100000');
  await page.getByRole('dialog').getByLabel(/Reason/).fill('Project cancelled by agreement');
  await page.getByRole('dialog').getByRole('button', { name: 'Issue it' }).click();
  await page.getByText('Credit note for ¥100,000 issued: the customer is told by email').waitFor();
  await eventually(() => h.db.journey.findUniqueOrThrow({ where: { id: invoice.journeyId } }), (j) => j.status === 'COMPLETED', 30_000);

  await page.reload();
  const settled = section(page, `Invoice ${invoice.number}`);
  await settled.getByRole('row').filter({ hasText: `CN-${invoice.number}-2` }).waitFor();
  // Nothing owed: no more notes to issue.
  expect(await settled.getByRole('button', { name: 'Issue a credit note' }).count()).toBe(0);
  expect(await widerThanScreen(page)).toEqual([]);
  await screenshot(page, 'credit-notes-settled-phone');
  expect(blocking(await axeViolations(page))).toEqual([]);
});
