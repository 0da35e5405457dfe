// What the stand-ins share: an Express app on an ephemeral loopback port that keeps every request
// it got (so a test can assert what the product really sent), and a stop that does not hang on
// the keep-alive sockets the SDKs hold open.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import express from 'express';

export type RecordedRequest = {
  method: string;
  /** Path without the query string, as the SDK built it. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  rawBody: string;
  /** The body as the service reads it (form fields for Stripe, JSON for DocuSign); undefined when empty or unparseable. */
  body: unknown;
};

export type RunningServer = { port: number; stop(): Promise<void> };

/**
 * An app that reads every body raw (the services' own parsers differ from Express's) and records
 * each request before routing it. `parse` turns the raw body into what the service would read.
 */
export function recordingApp(requests: RecordedRequest[], parse: (raw: string) => unknown): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.raw({ type: () => true, limit: '50mb' }));
  app.use((req, _res, next) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let body: unknown;
    try {
      body = rawBody ? parse(rawBody) : undefined;
    } catch {
      body = undefined; // the route answers the parse error in the service's own words
    }
    const query = Object.fromEntries(new URL(req.originalUrl, 'http://stand-in').searchParams);
    requests.push({ method: req.method, path: req.path, query, headers: req.headers, rawBody, body });
    req.body = body;
    next();
  });
  return app;
}

export function listen(app: express.Express): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
    server.on('error', reject);
  });
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base-62 text, the alphabet of Stripe's object ids and secrets. */
export function randomToken(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}
