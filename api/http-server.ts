// The API's HTTP server: Express on Node's own, which answers some requests itself before any
// route sees them (a request line or headers past its 16 KB limit, a request that is not HTTP, one
// too slow to arrive). Those answers are in the API's JSON error shape too, never an empty body.
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { Express } from 'express';
import type { ErrorCode } from './errors';

const CLIENT_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request line and headers are over 16 KB: send long values in a body'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
};
const NOT_HTTP: [number, ErrorCode, string] = [400, 'bad_request', 'The request is not valid HTTP'];

export function listen(app: Express, port: number, host: string, onListening?: () => void): Server {
  const server = createServer(app);
  // An idle connection is kept longer than clients and proxies keep theirs (undici: 4 s, load
  // balancers: often 60 s), so a client never sends a request on one the server is closing at that
  // moment, which it sees as ECONNRESET (seen under load with Node's 5 s default).
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // A connection already gone, or one whose answer has begun: nothing can be said on it.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? NOT_HTTP;
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server.listen(port, host, onListening);
}
