// A kept file's name ends in the extension of what it holds, as read from its bytes. The name an uploader gives is
// theirs to choose: a PDF that is also a web page, named report.html, would open in a browser as a page once
// downloaded. Stored and served as report.pdf, it opens as what Nolan checked it to be.

/** The extensions each accepted type may carry; the first is the one given where the name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt', 'pps'],
  'image/png': ['png'],
  'image/apng': ['png', 'apng'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/heic-sequence': ['heic', 'heics'],
  'image/heif': ['heif', 'heic'],
  'image/heif-sequence': ['heif', 'heifs'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  // An email kept with the enquiry made from it.
  'message/rfc822': ['eml'],
  'application/vnd.ms-outlook': ['msg'],
};

/** The extensions a content type's file may carry, or undefined for a type Nolan does not keep. */
export function extensionsOf(contentType: string): readonly string[] | undefined {
  return EXTENSIONS[(contentType.split(';')[0] ?? '').trim().toLowerCase()];
}

/**
 * The name with the extension of its content: kept where it already has one of the type's, replaced where it
 * has another ("report.html" → "report.pdf"), added where it has none ("Minutes 3.5" → "Minutes 3.5.pdf").
 * A type Nolan does not keep gets ".bin", so that no name of the uploader's choosing opens it.
 */
export function nameForContent(fileName: string, contentType: string): string {
  const extensions = extensionsOf(contentType) ?? ['bin'];
  const match = /\.([^.\s]{1,10})$/.exec(fileName);
  const current = match?.[1]?.toLowerCase();
  if (current && extensions.includes(current)) return fileName;
  // Only a name-like ending is an extension: "3.5" is part of the name.
  const stem = match && /[a-z]/i.test(match[1]!) ? fileName.slice(0, -match[0].length) : fileName;
  return `${stem.trim() || 'file'}.${extensions[0]}`;
}
