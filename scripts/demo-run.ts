import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../tests/e2e/harness';

interface PortalPage {
  id: string;
  pageType: string;
  url: string;
  title: string;
}

const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as PortalPage[];
const interactive = !!process.env.DISPLAY && !process.env.CI && !process.argv.includes('--headless');
const outDir = join(ROOT, 'demo-output');
mkdirSync(outDir, { recursive: true });

const launched = await launchWithExtension({ headless: !interactive });
const { context } = launched;
let problems = 0;
console.log(`\nCompagnon amelipro — démo sur ${pages.length} pages de test\n`);
for (const p of pages) {
  const page = await context.newPage();
  await page.goto(p.url);
  const host = page.locator('compagnon-amelipro');
  await host.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(1200); // let the portal's app render and the features settle
  const detected = (await host.getAttribute('data-compagnon-page').catch(() => null)) ?? '(aucun overlay)';
  const findings = await page.locator('compagnon-amelipro [data-rule-id]:not([data-cannot-check])').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-rule-id')),
  );
  const cannot = await page.locator('compagnon-amelipro [data-cannot-check]').evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-cannot-check')}: ${e.textContent?.replace(/\s+/g, ' ').trim()}`),
  );
  const ok = detected === p.pageType;
  if (!ok) problems++;
  console.log(`${ok ? '✓' : '✗'} ${p.id.padEnd(24)} page détectée : ${detected}${ok ? '' : ` (attendu ${p.pageType})`}`);
  console.log(`    ${p.title}`);
  console.log(`    remarques : ${findings.length ? findings.join(', ') : 'aucune'}`);
  for (const c of cannot) console.log(`    impossible de vérifier : ${c}`);
  await page.screenshot({ path: join(outDir, `${p.id}.png`) });
  if (!interactive) await page.close();
}
if (launched.blocked.length) console.log(`\nRequêtes bloquées (ne quittent pas la machine) : ${launched.blocked.length}`);
console.log(`\nCaptures d'écran : ${outDir}`);
if (interactive) {
  console.log('Le navigateur reste ouvert : fermez-le pour terminer.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
} else {
  await launched.close();
}
process.exit(problems ? 1 : 0);
