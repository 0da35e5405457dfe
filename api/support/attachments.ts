// Files on a ticket: one per multipart upload (field `file`), at most ATTACHMENT_MAX_BYTES, of a
// type its first bytes prove (images, PDF, ZIP) or plain UTF-8 text; stored in PostgreSQL and
// answered as a download, never rendered inline. (The type is read from the content by the few
// signatures below: the `file-type` package is ESM-only, and the API runs as CommonJS.)
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { AppError } from '../errors';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Files a ticket may hold: enough for a conversation's screenshots and logs. */
export const ATTACHMENTS_PER_TICKET = 20;

const SIGNATURES: Array<{ type: string; test: (b: Buffer) => boolean }> = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'application/zip', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
];

/** The content's type, or undefined for anything else (executables, HTML, SVG with its scripts, …). */
export function detectType(data: Buffer): string | undefined {
  const known = SIGNATURES.find((s) => s.test(data));
  if (known) return known.type;
  // Text: valid UTF-8 (a round trip keeps it), without NUL or other C0 controls but tab, CR and LF.
  const text = data.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(data) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) && !/^\s*</.test(text)) return 'text/plain; charset=utf-8';
  return undefined;
}

/** A filename safe to store and to send back: no path, no controls, no quotes, at most 200 characters. */
export function safeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:\ud800-\udfff]/g, '').trim().slice(0, 200);
  return clean || 'attachment';
}

/** The upload as the OpenAPI document describes it. */
export const uploadForm = z.object({ file: z.string().meta({ format: 'binary', description: `At most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB: PNG, JPEG, GIF, WebP, PDF, ZIP or UTF-8 text` }) });

export type Upload = { filename: string; contentType: string; data: Buffer };

/** Reads the one file of a multipart request: 415 for another body, 413 past the limit, 400 for none or an unaccepted type. */
export function readUpload(req: Request): Promise<Upload> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a field named "file"'));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 } });
    } catch {
      return reject(new AppError('bad_request', 'The multipart body could not be read'));
    }
    let upload: Promise<Upload> | undefined;
    let failed: AppError | undefined;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      upload = new Promise((done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => (failed = new AppError('payload_too_large', `A file may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)));
        stream.on('end', () => done({ filename: safeFilename(info.filename), contentType: '', data: Buffer.concat(chunks) }));
      });
    });
    parser.on('filesLimit', () => (failed ??= new AppError('bad_request', 'Send one file at a time')));
    parser.on('error', () => reject(new AppError('bad_request', 'The multipart body could not be read')));
    parser.on('close', async () => {
      if (failed) return reject(failed);
      if (!upload) return reject(new AppError('validation_failed', 'No file', { fields: [{ field: 'file', message: 'Required' }] }));
      const file = await upload;
      const contentType = file.data.length ? detectType(file.data) : undefined;
      if (!contentType) {
        return reject(new AppError('validation_failed', 'Not a file we accept', { fields: [{ field: 'file', message: 'An image (PNG, JPEG, GIF, WebP), a PDF, a ZIP or plain text' }] }));
      }
      resolve({ ...file, contentType });
    });
    req.pipe(parser);
  });
}

/** Stores an upload on a ticket that is not closed: 409 once it is, or when it holds as many files as it may. */
export async function attach(db: Db, ticket: { id: string; status: string }, upload: Upload, uploadedBy: string) {
  if (ticket.status === 'closed') throw new AppError('conflict', 'The ticket is closed');
  if ((await db.ticketAttachment.count({ where: { ticketId: ticket.id } })) >= ATTACHMENTS_PER_TICKET) {
    throw new AppError('conflict', `A ticket holds at most ${ATTACHMENTS_PER_TICKET} files`);
  }
  return db.ticketAttachment.create({
    data: { ticketId: ticket.id, filename: upload.filename, contentType: upload.contentType, size: upload.data.length, data: new Uint8Array(upload.data), uploadedBy },
    omit: { data: true },
  });
}

/** Answers a stored file as a download. */
export async function sendAttachment(db: Db, res: Response, ticketId: string, attachmentId: string) {
  const file = /^[0-9a-f-]{36}$/i.test(attachmentId) ? await db.ticketAttachment.findUnique({ where: { id: attachmentId } }) : null;
  if (!file || file.ticketId !== ticketId) throw new AppError('not_found', 'No such file on this ticket');
  res
    .type(file.contentType)
    .set('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .set('Cache-Control', 'private, no-store')
    .send(Buffer.from(file.data));
}
