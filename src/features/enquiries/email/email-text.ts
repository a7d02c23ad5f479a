// The body of a mail as plain text, the same way for .eml and .msg.

/**
 * One kind of line ending, no spaces at line ends, no runs of blank lines. An image in the body leaves a
 * placeholder in the text ("[cid:image001.png@01D…]" from Outlook, "[data:image/png;base64,…]" from an HTML
 * conversion) that says nothing to a reader and can be megabytes long, so it goes.
 */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]*\[(?:cid|data):[^\]\s]*\]/gi, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Readable text from an HTML body, converted by mailparser exactly as it converts HTML-only mail. */
export async function textFromHtml(html: string): Promise<string> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(Buffer.from(`Content-Type: text/html; charset=utf-8\r\n\r\n${html}`));
  return tidyText(mail.text ?? '');
}
