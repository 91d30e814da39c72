import { ensureWebBuilt } from '../../scripts/web-build.js';

/** Builds the web UI once for the browser tests when web/dist is missing or older than its sources. */
export default function setup(): void {
  ensureWebBuilt();
}
