// After a run: remove the folder of staged states (state.js) the config made.
import { rmSync } from 'node:fs';

export default function teardown() {
  if (process.env.E2E_STAGES) rmSync(process.env.E2E_STAGES, { recursive: true, force: true });
}
