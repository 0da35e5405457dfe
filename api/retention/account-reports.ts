// A quarterly or annual review's report (activities/retention/report.ts makes it for the review
// task): for customer success and managers as JSON with its figures or as the PDF; for the
// customer, the PDF through the signed link their email carries (purpose account-report).
import { Router } from 'express';
import { z } from 'zod';
import { reportPdf } from '../../activities/retention/report-pdf';
import type { ApiDeps } from '../app';
import { requireRole } from '../auth/authenticate';
import type { Role } from '../auth/roles';
import { accountReport, accountReportFigures } from '../contract/account-report';
import { sendError } from '../customer-pages';
import { linkOf } from '../domain/links';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { operations } from '../openapi/operation';

export const REPORT_READERS: Role[] = ['success', 'manager'];

/** A malformed id is simply not found (api/ids.ts), as an unknown one is. */
const reportParams = z.object({ id: z.string().refine(isUuid) });

export const accountReportOperations = operations(
  {
    method: 'get',
    path: '/api/account-reports/:id',
    summary: "A review's report: the period's figures from the client's own records, beside the previous period's",
    access: REPORT_READERS,
    responses: { 200: accountReport },
  },
  {
    method: 'get',
    path: '/api/account-reports/:id/pdf',
    summary: "A review's report as the PDF the customer is sent",
    access: REPORT_READERS,
    binary: 'application/pdf',
    responses: { 200: null },
  },
);

export const accountReportPageOperations = operations({
  method: 'get',
  path: '/customer/account-reports/:token',
  summary: 'Your review report (PDF), through the link in its email',
  access: 'customer-link',
  binary: 'application/pdf',
  responses: { 200: null },
});

const withCustomer = { customer: { select: { companyName: true, contactName: true } } } as const;

async function findReport(deps: Pick<ApiDeps, 'db'>, id: string) {
  const params = reportParams.safeParse({ id });
  const report = params.success ? await deps.db.accountReport.findUnique({ where: { id: params.data.id }, include: withCustomer }) : null;
  if (!report) throw new AppError('not_found', `No account report ${id}`);
  return report;
}

type FoundReport = Awaited<ReturnType<typeof findReport>>;

/** The stored figures, read as the schema says they are (a row written otherwise is a bug, said as one). */
const pdfOf = (report: FoundReport) => reportPdf({ ...report, figures: accountReportFigures.parse(report.figures) });

const fileName = (report: FoundReport) => `${report.kind}-${report.periodEnd.toISOString().slice(0, 10)}.pdf`;

export function accountReportRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/account-reports/:id', requireRole(...REPORT_READERS), async (req, res) => {
    // The row with its figures, and whose it is (the company and contact, as the PDF names them).
    res.json(await findReport(deps, req.params.id));
  });

  router.get('/account-reports/:id/pdf', requireRole(...REPORT_READERS), async (req, res) => {
    const report = await findReport(deps, req.params.id);
    res.type('application/pdf').attachment(fileName(report)).send(Buffer.from(await pdfOf(report)));
  });

  return router;
}

/** The customer's link: a link not valid and live for this purpose, or not this journey's report, is a 404. */
export function accountReportPages(deps: ApiDeps): Router {
  const router = Router();

  router.get('/account-reports/:token', async (req, res) => {
    try {
      const { journeyId, subject } = linkOf(deps.config, req.params.token, 'account-report');
      const report = isUuid(subject) ? await deps.db.accountReport.findUnique({ where: { id: subject }, include: withCustomer }) : null;
      if (!report || report.journeyId !== journeyId) throw new AppError('not_found', 'This link is not valid');
      res.type('application/pdf').attachment(fileName(report)).send(Buffer.from(await pdfOf(report)));
    } catch (err) {
      sendError(req, res, err);
    }
  });

  return router;
}
