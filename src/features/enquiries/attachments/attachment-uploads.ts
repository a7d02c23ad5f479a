// Files sent with an enquiry form, or found in an uploaded email, checked one by one by their content: every
// problem is named, so the person can fix them all at once, and nothing is kept unless every file passed.
import type { FormErrors } from '../../../web/forms.ts';
import type { CheckedAttachment } from '../enquiry.service.ts';
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from './attachment-check.ts';

/** At most this many files in one go: enough for a letter and the photos that go with it. */
export const MAX_ATTACHMENTS = 10;

export type CheckedFiles = { accepted: CheckedAttachment[]; problems: string[] };

export async function checkFiles(files: { fileName: string; content: Uint8Array; tooLarge?: boolean | undefined }[], from?: string): Promise<CheckedFiles> {
  const accepted: CheckedAttachment[] = [];
  const problems: string[] = [];
  const within = from ? ` (attached to ${from})` : '';
  for (const file of files) {
    if (file.tooLarge) {
      problems.push(`${cleanFileName(file.fileName)}${within} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB: each file must be ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB or smaller`);
      continue;
    }
    const check = await checkAttachment(file.content, file.fileName);
    if (check.ok) accepted.push({ fileName: check.fileName, contentType: check.contentType, content: file.content });
    else {
      // The message starts with the file's name; within an email, say which email it came in.
      const name = cleanFileName(file.fileName);
      problems.push(check.message.startsWith(name) ? `${name}${within}${check.message.slice(name.length)}` : check.message);
    }
  }
  if (!from && files.length > MAX_ATTACHMENTS) problems.push(`Attach ${MAX_ATTACHMENTS} files or fewer at a time`);
  return { accepted, problems };
}

/** The form's error summary: one entry a file, each leading to the file field. */
export function fileErrors(field: string, problems: string[], others?: FormErrors): FormErrors {
  const list = [...(others?.list ?? []), ...problems.map((text) => ({ text, href: `#${field}` }))];
  const text = problems.length === 1 ? problems[0]! : `${problems.length} files cannot be attached: ${problems.join('; ')}`;
  return { list, fields: { ...(others?.fields ?? {}), [field]: { text } } };
}
