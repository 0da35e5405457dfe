// Security headers on every answer (helmet): nosniff, no referrer (customer links carry their
// token in the path), no framing, and a Content-Security-Policy per kind of answer, each allowing
// only what it needs:
// - the admin UI (vite's build: scripts and styles as files under /assets, no inline script) may
//   load from its own origin; styles may also be inline, because MUI's emotion writes <style>
//   elements at run time. Scripts only from files: an injected inline script does not run.
// - customer pages (server-rendered, no script at all) may use their one inline style sheet, by
//   its hash, and post their forms to themselves;
// - the API reference (/api/docs, Swagger UI from node_modules) is held to the admin UI's policy;
// - JSON and everything else load nothing.
// API and customer-page answers carry people's data: `Cache-Control: no-store`, so no shared or
// browser cache keeps them. HSTS only on requests that came over TLS (directly, or through a proxy
// trusted by TRUST_PROXY): over plain HTTP the header means nothing and would pin a dev host.
import type { RequestHandler } from 'express';
import helmet, { contentSecurityPolicy, strictTransportSecurity } from 'helmet';
import { PAGE_STYLE_SOURCE } from './customer-pages';

const NO_FRAMING = { 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] };

const policies = {
  adminUi: contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...NO_FRAMING,
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    },
  }),
  customerPage: contentSecurityPolicy({
    useDefaults: false,
    directives: { ...NO_FRAMING, 'default-src': ["'none'"], 'style-src': [PAGE_STYLE_SOURCE], 'img-src': ["'self'"], 'form-action': ["'self'"] },
  }),
  data: contentSecurityPolicy({ useDefaults: false, directives: { ...NO_FRAMING, 'default-src': ["'none'"] } }),
};

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function securityHeaders(): RequestHandler[] {
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  const policy: RequestHandler = (req, res, next) => {
    const personal = isUnder(req.path, '/api') || isUnder(req.path, '/customer');
    if (personal) res.set('Cache-Control', 'no-store');
    // The API reference is a page of its own (Swagger UI's files, its inline styles): the admin UI's policy.
    const page = !isUnder(req.path, '/api') || isUnder(req.path, '/api/docs');
    const csp = isUnder(req.path, '/customer') ? policies.customerPage : page && !isUnder(req.path, '/webhooks') ? policies.adminUi : policies.data;
    csp(req, res, next);
  };
  const tlsOnly: RequestHandler = (req, res, next) => (req.secure ? hsts(req, res, next) : next());
  return [common, policy, tlsOnly];
}
