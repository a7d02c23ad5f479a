// For the tests: Outlook messages (.msg) written here, as Outlook lays them out ([MS-OXMSG]): a compound file
// whose root holds the message's properties, one storage per recipient and one per attachment. Strings go in
// streams of their own, in UTF-16; numbers and times go in each storage's property stream.
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';

export type OutlookRecipient = { name: string; address: string; type: 'to' | 'cc' | 'bcc' };
export type OutlookAttachment = { fileName: string; mimeType?: string; bytes: Uint8Array };

export type OutlookMessageSpec = {
  /** IPM.Note for mail; other items (IPM.Appointment, IPM.Contact) have other classes. */
  messageClass?: string;
  subject?: string;
  body?: string;
  senderName?: string;
  /** PidTagSenderEmailAddress: an SMTP address, or the Exchange directory name Outlook keeps for colleagues. */
  senderEmail?: string;
  senderSmtpAddress?: string;
  /** The Internet headers the message arrived with, as received mail keeps them. */
  headers?: string;
  /** PidTagClientSubmitTime. */
  submittedAt?: Date;
  recipients?: OutlookRecipient[];
  attachments?: OutlookAttachment[];
};

const PT_LONG = 0x0003;
const PT_SYSTIME = 0x0040;

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

/** A string property's stream name: __substg1.0_ then the property id and PT_UNICODE (001F). */
const stringStream = (propertyId: number) => `__substg1.0_${propertyId.toString(16).toUpperCase().padStart(4, '0')}001F`;

type Property = { id: number; type: number; value: Uint8Array };

function longValue(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function fileTime(at: Date): Uint8Array {
  // 100-nanosecond intervals since 1 January 1601.
  const ticks = BigInt(at.getTime()) * 10_000n + 116_444_736_000_000_000n;
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, ticks, true);
  return bytes;
}

/** A property stream: a header (32 bytes at the root, 8 elsewhere), then 16 bytes a property. */
function propertyStream(header: Uint8Array, properties: Property[]): Uint8Array {
  const out = new Uint8Array(header.length + 16 * properties.length);
  out.set(header);
  properties.forEach((p, i) => {
    const view = new DataView(out.buffer, header.length + 16 * i, 16);
    view.setUint32(0, (p.id << 16) | p.type, true);
    view.setUint32(4, 0x6, true); // readable and writable
    out.set(p.value, header.length + 16 * i + 8);
  });
  return out;
}

class Tree {
  readonly entries: Entry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] }];

  stream(parent: number, name: string, bytes: Uint8Array): void {
    this.entries[parent]!.children!.push(this.entries.length);
    this.entries.push({ name, type: TypeEnum.DOCUMENT, length: bytes.length, binaryProvider: () => bytes });
  }

  storage(parent: number, name: string): number {
    this.entries[parent]!.children!.push(this.entries.length);
    this.entries.push({ name, type: TypeEnum.DIRECTORY, length: 0, children: [] });
    return this.entries.length - 1;
  }

  strings(parent: number, values: [number, string | undefined][]): void {
    for (const [id, value] of values) if (value !== undefined) this.stream(parent, stringStream(id), utf16(value));
  }
}

const RECIPIENT_TYPES = { to: 1, cc: 2, bcc: 3 } as const;

/** An Outlook message with the given properties, as the bytes of a .msg file. */
export function outlookMessage(spec: OutlookMessageSpec): Uint8Array {
  const tree = new Tree();
  const recipients = spec.recipients ?? [];
  const attachments = spec.attachments ?? [];
  tree.strings(0, [
    [0x001a, spec.messageClass ?? 'IPM.Note'],
    [0x0037, spec.subject],
    [0x1000, spec.body],
    [0x0c1a, spec.senderName],
    [0x0c1f, spec.senderEmail],
    [0x5d01, spec.senderSmtpAddress],
    [0x007d, spec.headers],
  ]);
  const rootHeader = new Uint8Array(32);
  const counts = new DataView(rootHeader.buffer);
  counts.setUint32(8, recipients.length, true);
  counts.setUint32(12, attachments.length, true);
  counts.setUint32(16, recipients.length, true);
  counts.setUint32(20, attachments.length, true);
  tree.stream(0, '__properties_version1.0', propertyStream(rootHeader, spec.submittedAt ? [{ id: 0x0039, type: PT_SYSTIME, value: fileTime(spec.submittedAt) }] : []));

  recipients.forEach((r, i) => {
    const storage = tree.storage(0, `__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`);
    tree.strings(storage, [[0x3001, r.name], [0x3003, r.address], [0x39fe, r.address]]);
    tree.stream(storage, '__properties_version1.0', propertyStream(new Uint8Array(8), [{ id: 0x0c15, type: PT_LONG, value: longValue(RECIPIENT_TYPES[r.type]) }]));
  });
  attachments.forEach((a, i) => {
    const storage = tree.storage(0, `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`);
    tree.strings(storage, [[0x3707, a.fileName], [0x3001, a.fileName], [0x370e, a.mimeType]]);
    tree.stream(storage, '__substg1.0_37010102', a.bytes);
    // PidTagAttachMethod 1: the file's bytes are in the attachment's data stream.
    tree.stream(storage, '__properties_version1.0', propertyStream(new Uint8Array(8), [{ id: 0x3705, type: PT_LONG, value: longValue(1) }]));
  });
  return burn(tree.entries);
}

/** Small files with the signatures of real images, enough for anything that tells a type by its first bytes. */
export const SAMPLE_FILES = {
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  tiff: new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
};
