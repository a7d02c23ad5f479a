// What the template loader does to a template's source once, before Nunjucks compiles it: the text between its
// tags (not the tags, whose strings are values that autoescaping escapes) is made cheaper to render and to send.
import { narrowMarkup } from './html-text.ts';

const TEMPLATE_TAG = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\})/;

/**
 * Each run of whitespace holding a line break becomes the line break alone: the templates' indentation and blank
 * lines were 3 KB of the enquiry list's 52 KB, and a browser renders the run and the line break the same.
 * Templates holding preformatted text (a textarea, a pre) are left as they are.
 */
function compactText(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, '\n');
}

export function prepareTemplateSource(source: string): string {
  const compact = !/<(textarea|pre)\b/i.test(source);
  return source
    .split(TEMPLATE_TAG)
    .map((part, i) => (i % 2 === 1 ? part : narrowMarkup(compact ? compactText(part) : part)))
    .join('');
}
