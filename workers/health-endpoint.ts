// GET /healthz for an orchestrator's health check of a standalone worker: 200 while it polls its task
// queue, 503 while it starts, drains or stops (so a replica being replaced is not counted healthy).
import http from 'node:http';
import type { Worker } from '@temporalio/worker';
import type { Logger } from '../platform/logger';

export function serveWorkerHealth(worker: Worker, host: string, port: number, log: Logger): http.Server {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    const state = worker.getState();
    res.writeHead(state === 'RUNNING' ? 200 : 503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ state }));
  });
  server.listen(port, host, () => log.info({ url: `http://${host}:${port}/healthz` }, 'worker health endpoint listening'));
  return server;
}
