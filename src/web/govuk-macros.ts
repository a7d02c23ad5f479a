// GOV.UK Frontend's macros, called from templates as `govuk("select", params)` and remembered. Each macro is a
// pure function of its parameters, and the same few calls recur on every page: the header and navigation, the
// skip link, the list's filters. Rendering one through Nunjucks costs tens to hundreds of microseconds; a repeat
// costs a JSON.stringify of its parameters and a map lookup. Templates that call macros this way also avoid
// `{% from … import %}`, which re-runs the macro file on every render. A frozen parameters object (one a route
// makes once and passes on every page, such as the list's filter selects) is found by identity, without even the
// JSON key; objects made afresh by each render are not tracked.
import nunjucks from 'nunjucks';
import { narrowMarkup } from './html-text.ts';

type Macro = (params: unknown) => nunjucks.runtime.SafeString;

const MAX_REMEMBERED = 2_000;

function macroName(component: string): string {
  return `govuk${component.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;
}

/**
 * A macro's markup with each run of whitespace that holds a line break, next to a tag or after a tag's name, cut
 * to the line break: the macros' indentation was a quarter of a list page's bytes. Browsers render such a run and
 * a lone line break the same, except in preformatted text, so markup holding a textarea or pre is left as it is.
 * Values are escaped (`<` and `>` within them are entities), so a raw `<` or `>` is always a tag's edge.
 */
export function compactMarkup(html: string): string {
  if (/<(textarea|pre)\b/i.test(html)) return html;
  // The input macros also leave a line for each attribute they leave out between the tag's name and its first
  // attribute, several hundred bytes an input; no attribute value can hold that run.
  return html.replace(/>[ \t]*\n\s*/g, '>\n').replace(/\s*\n[ \t]*</g, '\n<').replace(/(<[a-zA-Z][\w-]*)\s*\n\s*/g, '$1\n');
}

export function govukMacros(env: nunjucks.Environment): (component: string, params: unknown) => nunjucks.runtime.SafeString {
  const macros = new Map<string, Macro>();
  const remembered = new Map<string, nunjucks.runtime.SafeString>();
  const byIdentity = new WeakMap<object, { component: string; html: nunjucks.runtime.SafeString }>();

  function load(component: string): Macro {
    if (!/^[a-z]+(-[a-z]+)*$/.test(component)) throw new Error(`not a GOV.UK component name: ${component}`);
    let exported: Record<string, unknown> | undefined;
    let failure: unknown;
    // The file-system loader is synchronous, so the callback has run by the time getExported returns.
    // getExported is Nunjucks' own route to a template's macros (what {% from %} uses); its types leave it out.
    const template = env.getTemplate(`govuk/components/${component}/macro.njk`) as unknown as { getExported(done: (error: unknown, result: Record<string, unknown>) => void): void };
    template.getExported((error, result) => {
      failure = error;
      exported = result;
    });
    const macro = exported?.[macroName(component)];
    if (failure || typeof macro !== 'function') throw new Error(`GOV.UK Frontend has no ${macroName(component)} macro`, { cause: failure });
    return macro as Macro;
  }

  return (component, params) => {
    if (typeof params !== 'object' || params === null || !Object.isFrozen(params)) return rendered(component, params);
    const same = byIdentity.get(params);
    if (same?.component === component) return same.html;
    const html = rendered(component, params);
    byIdentity.set(params, { component, html });
    return html;
  };

  function rendered(component: string, params: unknown): nunjucks.runtime.SafeString {
    const key = `${component}\u0000${JSON.stringify(params)}`;
    const known = remembered.get(key);
    if (known) return known;
    let macro = macros.get(component);
    if (!macro) macros.set(component, (macro = load(component)));
    // Markup handed in through `html` parameters (built in code, or a template's string) is made ASCII here too.
    const html = new nunjucks.runtime.SafeString(narrowMarkup(compactMarkup(String(macro(params)))));
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, html);
    return html;
  }
}
