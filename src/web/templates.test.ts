// Every template calls GOV.UK's macros through govuk("name", params), by a name GOV.UK Frontend has, and compiles.
// A macro called by its own name needs an import in that template; one forgotten gave a server error only when
// the page was shown with the banner that used it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTemplateEnvironment } from './views.ts';

const root = path.resolve(import.meta.dirname, '../..');
const components = path.join(root, 'node_modules/govuk-frontend/dist/govuk/components');

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return templates(full);
    return entry.name.endsWith('.njk') ? [full] : [];
  });
}

describe('the templates', () => {
  const files = templates(path.join(root, 'src'));

  it('are found', () => {
    assert.ok(files.length > 30, `${files.length} templates`);
  });

  it('call GOV.UK macros only through govuk(), by the name of a component that exists', () => {
    const problems: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const where = path.relative(root, file);
      for (const match of source.matchAll(/\bgovuk[A-Z]\w*\s*\(/g)) problems.push(`${where}: ${match[0]}`);
      for (const match of source.matchAll(/\bgovuk\(\s*"([^"]+)"/g)) {
        if (!fs.existsSync(path.join(components, match[1]!, 'macro.njk'))) problems.push(`${where}: no component ${match[1]}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('compile', () => {
    const env = createTemplateEnvironment();
    const loaderRoots = [path.join(root, 'src/web/views'), path.join(root, 'src/features')];
    for (const file of files) {
      const base = loaderRoots.find((dir) => file.startsWith(`${dir}/`));
      if (!base) continue;
      assert.doesNotThrow(() => env.getTemplate(path.relative(base, file), true), path.relative(root, file));
    }
  });
});
