// Progressive enhancement only: every page works without it.
import { initAll } from '/javascripts/govuk-frontend.min.js';
initAll();
