// Acquisition's staff API: the contact form (leads.ts) and each contract's document, as generated
// from the approved quote and sent for signature (the customer reads it through their link).
import { Router } from 'express';
import type { ApiDeps } from '../app';
import { requireRole } from '../auth/authenticate';
import { READERS } from '../auth/roles';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { operations } from '../openapi/operation';
import { leadOperations, leadRoutes } from './leads';

export const acquisitionOperations = [
  ...leadOperations,
  ...operations({ method: 'get', path: '/api/contracts/:id/document', summary: 'A contract as sent for signature (PDF)', access: READERS.contracts, binary: 'application/pdf', responses: { 200: null } }),
];

export function acquisitionRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.use(leadRoutes(deps));

  router.get('/contracts/:id/document', requireRole(...READERS.contracts), async (req, res) => {
    const { id } = req.params;
    const contract = isUuid(id) ? await deps.db.contract.findUnique({ where: { id }, include: { quote: { select: { version: true, customer: { select: { companyName: true } } } } } }) : null;
    if (!contract) throw new AppError('not_found', `No contract ${id}`);
    if (!contract.document) throw new AppError('not_found', 'The document is not ready');
    res.type('application/pdf').attachment(`contract-v${contract.quote.version}.pdf`).send(Buffer.from(contract.document));
  });

  return router;
}
