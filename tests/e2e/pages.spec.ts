import { test, expect } from './fixtures';
import { openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';

test.describe('Réclamations Paiements', () => {
  test('an accepted PDF is quiet; a fourth file or a HEIC photo is explained without naming the file', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://paiements2.ameli.fr/reclaps/');
    await expectChecked(page, 'reclaps');
    const upload = page.locator('input[type="file"]');
    await upload.setInputFiles([
      { name: 'DUPONT-facture.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(200_000) },
      { name: 'releve.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(200_000) },
    ]);
    await expect(page.locator('#reclaps-pj-total')).toContainText('2 / 3');
    await page.waitForTimeout(500);
    await expect(overlay(page).locator('.ca-pill-alert')).toHaveCount(0);

    await upload.setInputFiles([
      { name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.alloc(100_000) },
      { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(100_000) },
    ]);
    await openOverlay(page);
    const finding = overlay(page).locator('[data-rule-id="reclaps.attachments"]');
    await expect(finding).toBeVisible();
    await expect(finding).toContainText('heic');
    await expect(finding).not.toContainText('DUPONT');
  });
});

test.describe('reminders', () => {
  test('login page: CPS / e-CPS recommended as information, snoozable', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://authps-espacepro.ameli.fr/oauth2/authorize?response_type=code&client_id=x');
    await expectChecked(page, 'login');
    await openOverlay(page);
    const finding = overlay(page).locator('[data-rule-id="amelipro.login-strong-auth"]');
    await expect(finding).toBeVisible();
    // chosen from the keyboard: the overlay ignores changes a script makes (selectOption's are untrusted)
    await finding.locator('select').focus();
    await page.keyboard.press('7');
    await expect(finding).toHaveCount(0);
    // the snooze is kept: after a reload the reminder stays hidden
    await page.reload();
    await expectChecked(page, 'login');
    await page.waitForTimeout(800);
    await expect(overlay(page).locator('[data-rule-id="amelipro.login-strong-auth"]')).toHaveCount(0);
    // and the login form still works
    await page.locator('input[name="user"]').fill('123456789');
    await expect(page.locator('input[name="user"]')).toHaveValue('123456789');
  });

  test('Commandes: ordering sick-leave forms reminds that only the secured Cerfa is valid', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/commandes/');
    await expectChecked(page, 'commandes');
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.secured-cerfa"]')).toBeVisible();
  });

  test('transmission summary: offers the pre-submission checklist', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription-transport/recapitulatif');
    await expectChecked(page, 'transmission');
    await openOverlay(page);
    await expect(overlay(page).getByRole('button', { name: /Avant de transmettre/ })).toBeVisible();
  });
});

test.describe('overlay and the page styles', () => {
  test("the portal's styles neither hide the corner button nor move it, nor change its text", async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/commandes/');
    // rules a page could have: on every element, on every child of <body>, on our tag, all !important
    await page.addStyleTag({
      content:
        '*{letter-spacing:3px !important;text-transform:uppercase !important;font-family:serif !important}' +
        'body>*{transform:translateX(-500px) !important;opacity:.2 !important;position:relative !important}' +
        'compagnon-amelipro{display:none !important;visibility:hidden !important;filter:blur(4px) !important}',
    });
    const pill = overlay(page).locator('.ca-pill');
    await expect(pill).toBeVisible();
    const box = await pill.boundingBox();
    const viewport = page.viewportSize()!;
    // still in the bottom-right corner, fixed to the window
    expect(box!.x + box!.width).toBeGreaterThan(viewport.width - 60);
    expect(box!.y + box!.height).toBeGreaterThan(viewport.height - 60);
    const style = await pill.evaluate((el) => {
      const s = getComputedStyle(el.closest('.ca-root')!);
      return {
        letterSpacing: s.letterSpacing,
        textTransform: s.textTransform,
        fontFamily: s.fontFamily,
        opacity: getComputedStyle((el.getRootNode() as ShadowRoot).host).opacity,
      };
    });
    expect(style).toEqual({ letterSpacing: 'normal', textTransform: 'none', fontFamily: expect.stringContaining('Arial'), opacity: '1' });
    await openOverlay(page);
    await expect(overlay(page).locator('.ca-panel')).toBeVisible();
  });
});
