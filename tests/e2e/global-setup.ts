import { existsSync } from 'node:fs';
import { CHROME_BUILD } from './harness';
import { FIREFOX_BUILD } from './firefox/harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt } from '../portal/router.mjs';

export default function globalSetup(): void {
  if (!existsSync(`${CHROME_BUILD}/manifest.json`)) {
    throw new Error(`No extension build in ${CHROME_BUILD}: run "npm run build" first (npm test does it).`);
  }
  if (!existsSync(`${FIREFOX_BUILD}/manifest.json`)) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD}: run "npm run build:firefox" first (npm test does it).`);
  }
  if (!process.env.PORTAL_NO_REBUILD) ensurePortalBuilt();
}
