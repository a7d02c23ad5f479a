// Pages write every character outside ASCII as a numeric character reference (src/web/html-text.ts); a browser
// shows the character itself. Tests that look for words in a page's markup read it the way the browser does.

/** The markup with its numeric character references (&#8217; and the like) written as the characters. */
export function readable(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
