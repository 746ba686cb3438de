// The router's paths, read from src/app.rs: what screens.spec.js checks the
// registry against, and what private-turn.spec.js types in one by one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every path of src/app.rs's router, nested routes joined to their parent. */
export function routesOfApp() {
  const source = readFileSync(fileURLToPath(new URL('../../src/app.rs', import.meta.url)), 'utf8');
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
