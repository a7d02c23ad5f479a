// The layout writes out the GOV.UK page template's document itself (layout.njk). This checks it against a layout
// built the documented way, by extending govuk/template.njk with GOV.UK's macros, for pages with and without a
// flash message, errors and breadcrumbs: the same markup, apart from whitespace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTemplateEnvironment } from './views.ts';
import { readable } from '../../test/support/html.ts';

const REFERENCE_LAYOUT = `{% extends "govuk/template.njk" %}
{% from "govuk/components/generic-header/macro.njk" import govukGenericHeader %}
{% from "govuk/components/service-navigation/macro.njk" import govukServiceNavigation %}
{% from "govuk/components/error-summary/macro.njk" import govukErrorSummary %}
{% from "govuk/components/notification-banner/macro.njk" import govukNotificationBanner %}

{% block pageTitle %}{% if errors and errors.list.length %}Error: {% endif %}{{ title }} – Nolan – {{ councilName }}{% endblock %}

{% block head %}
  <link rel="stylesheet" href="/stylesheets/govuk-frontend.min.css">
  <link rel="stylesheet" href="/public/nolan.css">
{% endblock %}

{% block header %}
  <header class="govuk-template__header">
    {{ govukGenericHeader({ logoText: councilName, url: "/" }) }}
    {{ govukServiceNavigation({
      serviceName: "Nolan",
      serviceUrl: "/",
      navigation: navigation
    }) }}
  </header>
{% endblock %}

{% block beforeContent %}
  {% block breadcrumbs %}{% endblock %}
{% endblock %}

{% block content %}
  {% if flash %}
    {{ govukNotificationBanner({ type: "success", text: flash }) }}
  {% endif %}
  {% if errors and errors.list.length %}
    {{ govukErrorSummary({ titleText: "There is a problem", errorList: errors.list }) }}
  {% endif %}
  {% block main_content %}{% endblock %}
{% endblock %}

{% block footer %}
  {# A council's service, not GOV.UK's: the footer's classes without the Crown, the royal arms or the Crown copyright link. #}
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/v1/openapi.json">API</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/statistics/enquiries">Enquiry statistics</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/public/documents">Council documents</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/public/disclosure-log">Disclosure log</a></li>
          </ul>
          <div class="govuk-footer__meta-custom">Nolan runs {{ councilName }}’s protocol on relations between members and officers.</div>
        </div>
        <div class="govuk-footer__meta-item">© {{ councilName }}</div>
      </div>
    </div>
  </footer>
{% endblock %}

{% block bodyEnd %}
  <script type="module" src="/public/nolan.js" nonce="{{ cspNonce }}"></script>
{% endblock %}
`;

const page = (layout: string) =>
  `{% extends ${JSON.stringify(layout)} %}{% block breadcrumbs %}{% if crumbs %}<div class="govuk-breadcrumbs"><ol class="govuk-breadcrumbs__list"><li class="govuk-breadcrumbs__list-item">Home</li></ol></div>{% endif %}{% endblock %}{% block main_content %}<h1 class="govuk-heading-l">{{ title }}</h1>{% endblock %}`;

/** Whitespace between tags, runs of it inside them, and whether a character is written as a reference carry no meaning. */
const normalised = (html: string) => readable(html).replace(/>\s+</g, '><').replace(/\s+/g, ' ').replace(/\s+>/g, '>').trim();

describe('the page layout', () => {
  const env = createTemplateEnvironment();
  // The reference layout is found by name, before the files, as a page's {% extends %} needs.
  const inMemory = { cache: {}, getSource: (name: string) => (name === 'reference-layout.njk' ? { src: REFERENCE_LAYOUT, path: name, noCache: false } : null) };
  (env as unknown as { loaders: unknown[] }).loaders.unshift(inMemory);
  const navigation = [
    { href: '/', text: 'Home', active: false },
    { href: '/enquiries', text: 'Enquiries', active: true },
    { href: '/sign-out', text: 'Sign out', active: false },
  ];
  const base = { title: 'Your enquiries', councilName: 'Ashdown Vale <District> Council', navigation, csrfToken: 'token', cspNonce: 'nonce-value' };
  const cases: Record<string, Record<string, unknown>> = {
    'a plain page': base,
    'a page with a flash message': { ...base, flash: 'The enquiry was logged' },
    'a page with errors': { ...base, errors: { list: [{ text: 'Enter a subject', href: '#subject' }] } },
    'a page with breadcrumbs': { ...base, crumbs: true },
    'a signed-out page': { ...base, navigation: [{ href: '/sign-in', text: 'Sign in' }] },
  };
  for (const [name, context] of Object.entries(cases)) {
    it(`gives the GOV.UK template's markup for ${name}`, () => {
      const ours = env.renderString(page('layout.njk'), context);
      const theirs = env.renderString(page('reference-layout.njk'), context);
      assert.ok(ours.includes('<main class="govuk-main-wrapper" id="main-content">'));
      assert.equal(normalised(ours), normalised(theirs));
    });
  }
});
