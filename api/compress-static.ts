// gzip or brotli (as the browser accepts) for static files: the admin UI's bundle (about 1.2 MB as
// built) and the API reference page's. Only those: answers that carry secrets beside what a request
// put in them (API JSON, customer pages with their tokens) stay uncompressed, out of BREACH's reach.
import compression from 'compression';

export const compressStatic = compression();
