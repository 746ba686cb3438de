// Accessibility of every screen and state in the registry (helpers.js SCREENS):
// axe-core (WCAG 2.0/2.1/2.2 A and AA, plus enhanced contrast) and 48 px touch
// targets, on a 1024×768 tablet. A last test keeps the registry honest: every
// route of the router must have an entry.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, expectNoAxeViolations, smallTargets, SCREENS } from '../helpers.js';

test.use({ viewport: { width: 1024, height: 768 }, actionTimeout: 15_000 });
test.describe.configure({ mode: 'parallel' });

const label = (s) => `${s.name} (${s.state})`;

for (const screen of SCREENS) {
  test(`axe: ${label(screen)}`, async ({ page }) => {
    await screen.setup(page);
    await expectNoAxeViolations(page, label(screen));
  });
}

for (const screen of SCREENS) {
  test(`touch targets are at least 48×48: ${label(screen)}`, async ({ page }) => {
    await screen.setup(page);
    const offenders = await smallTargets(page, 48);
    if (offenders.length) console.log(`Small targets on ${label(screen)}:\n  ${offenders.join('\n  ')}`);
    expect(offenders, `targets smaller than 48×48 on ${label(screen)}`).toEqual([]);
  });
}

/** Every path of src/app.rs's router, nested routes joined to their parent. */
function routesOfApp() {
  const source = readFileSync(fileURLToPath(new URL('../../../src/app.rs', import.meta.url)), 'utf8');
  const routes = [];
  const parents = [];
  const join = (...parts) => `/${parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
  for (const [, closing, kind, attrs] of source.matchAll(/<(\/?)(ParentRoute|Route)\b([^>]*)>/g)) {
    if (closing) {
      if (kind === 'ParentRoute') parents.pop();
      continue;
    }
    const path = attrs.match(/path=path!\("([^"]*)"\)/)?.[1];
    if (path === undefined) throw new Error(`a route without a path!(): <${kind}${attrs}>`);
    routes.push(join(...parents, path));
    if (kind === 'ParentRoute' && !attrs.trim().endsWith('/')) parents.push(path);
  }
  if (/<Routes[^>]*\bfallback=/.test(source)) routes.push('*');
  return routes;
}

test('every route of the app has a screen in the accessibility registry', () => {
  const routes = routesOfApp();
  // The parser must find the router, not silently find nothing.
  expect(routes).toContain('/');
  expect(routes.length).toBeGreaterThan(5);
  const covered = new Set(SCREENS.map((s) => s.route));
  const missing = routes.filter((r) => !covered.has(r));
  expect(missing, 'routes in src/app.rs with no entry in SCREENS (helpers.js)').toEqual([]);
  // Each entry's route is one the router has (catches typos and removed routes).
  const unknown = [...covered].filter((r) => !routes.includes(r));
  expect(unknown, 'SCREENS entries whose route is not in src/app.rs').toEqual([]);
  // States are one of the words the reports use ('dialog': a panel open over the screen).
  for (const s of SCREENS) expect(['clean', 'error', 'dialog'], s.name).toContain(s.state);
});
