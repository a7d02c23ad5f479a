// Uploading a file as a browser does: a multipart/form-data body, with the agent's cookies and CSRF token.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent } from './app.ts';

/** field: the form field the file is sent in, "file" unless told. */
export type Upload = { fileName: string; content: Buffer | string | Uint8Array; type?: string; field?: string };

/** A multipart/form-data body as a browser sends it: text fields, then the file. */
export function multipartBody(fields: Record<string, string>, files: Upload[]): { payload: Buffer; contentType: string } {
  const boundary = `----NolanBoundary${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.fileName}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.from(file.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the form with the CSRF token of the agent's last page, unless one is given (null: none at all). */
export async function uploadAs(agent: Agent, url: string, fields: Record<string, string>, files: Upload[], options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
  const token = options.csrf === undefined ? agent.csrf : options.csrf;
  const { payload, contentType } = multipartBody({ ...(token ? { _csrf: token } : {}), ...fields }, files);
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return agent.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
}
