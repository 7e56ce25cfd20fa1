// Visits every test page in headless Chromium at its real URL (all requests answered by router.mjs,
// anything else aborted), fails on console errors, page errors or an empty body, and saves a
// screenshot per page in screenshots/. With --snapshot it also writes snapshots/<id>.html, a frozen
// copy of the rendered DOM (scripts and styles stripped) for fast DOM unit tests.
//   node check.mjs [--snapshot] [--only id,id] [--no-build]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { resolvePortalRequest, portalPages, ensurePortalBuilt, PORTAL_ROOT } from './router.mjs'

const require = createRequire(import.meta.url)
const { chromium } = require('../../node_modules/playwright-core')

const args = process.argv.slice(2)
const snapshot = args.includes('--snapshot')
const onlyIdx = args.indexOf('--only')
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1].split(',')) : null
if (!args.includes('--no-build')) ensurePortalBuilt()

const shots = join(PORTAL_ROOT, 'screenshots')
const snaps = join(PORTAL_ROOT, 'snapshots')
mkdirSync(shots, { recursive: true })
if (snapshot) mkdirSync(snaps, { recursive: true })

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
		'--disable-component-update', '--disable-sync'],
})
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
const aborted = []
await context.route('**/*', (route) => {
	const req = route.request()
	const url = req.url()
	if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
	const r = resolvePortalRequest(url, req.method())
	if (!r) {
		aborted.push(url)
		return route.abort()
	}
	return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body })
})

// Serialises the live DOM without scripts, styles, inline SVG path data or base64 payloads.
function freezeDom() {
	const root = document.documentElement.cloneNode(true)
	root.querySelectorAll('script, style, link[rel="stylesheet"], link[rel="modulepreload"], noscript').forEach((n) => n.remove())
	root.querySelectorAll('svg path').forEach((n) => n.removeAttribute('d'))
	root.querySelectorAll('[style]').forEach((n) => n.removeAttribute('style'))
	root.querySelectorAll('img[src^="data:"]').forEach((n) => n.setAttribute('src', 'data:,'))
	// Live values of form fields are properties, not attributes: copy them so the snapshot keeps them.
	const live = document.documentElement.querySelectorAll('input, textarea, select')
	const frozen = root.querySelectorAll('input, textarea, select')
	live.forEach((el, i) => {
		const f = frozen[i]
		if (!f) return
		if (el.tagName === 'TEXTAREA') f.textContent = el.value
		else if (el.type === 'checkbox' || el.type === 'radio') { if (el.checked) f.setAttribute('checked', '') }
		else if (el.tagName === 'INPUT' && el.type !== 'password' && el.value) f.setAttribute('value', el.value)
	})
	return '<!doctype html>\n' + root.outerHTML.replace(/\n\s*\n+/g, '\n')
}

// Plausible client-side behaviour, checked after the screenshot (the snapshot shows the initial state).
const interactions = {
	async login(page) {
		await page.click('#submit-button')
		await page.waitForSelector('div.alert.alert-warning p', { timeout: 3000 })
	},
	async home(page) {
		await page.click('#patientLogin-form-vital-card-btn')
		await page.getByText('Lecture de la carte Vitale impossible').waitFor({ timeout: 3000 })
	},
	async 'home-vitale-ok'(page) {
		await page.click('#patientLogin-form-vital-card-btn')
		await page.waitForSelector('[id$="-patient-number"]', { timeout: 3000 })
	},
	async aat(page) {
		for (const id of ['prenom', 'nom_prenom_ps', 'num_am_ps', 'date_debut_arret', 'date_fin_arret', 'motif']) {
			if (!(await page.$(`#${id}`))) throw new Error(`#${id} missing`)
		}
		await page.click('#aat-imprimer-cerfa-btn')
		await page.waitForSelector('#aat-cerfa-lien', { timeout: 3000 })
		await page.fill('#motif', 'Lombalgie aiguë, mobilisation impossible')
		await page.click('#aat-valider-btn')
		await page.waitForURL('https://espacepro.ameli.fr/aat/recapitulatif', { timeout: 3000 })
		await page.getByRole('button', { name: 'Transmettre', exact: true }).click()
		await page.waitForURL('https://espacepro.ameli.fr/aat/confirmation', { timeout: 3000 })
	},
	async atmp(page) {
		await page.fill('#lesions', 'Entorse de la cheville droite')
		await page.click('#p2-valider')
		await page.waitForSelector('#p2-confirmation:not([hidden])', { timeout: 3000 })
	},
	async prescription(page) {
		await page.click('#prescription-ajouter-btn')
		await page.waitForSelector('#prescription-ligne-3', { timeout: 3000 })
	},
	async transmission(page) {
		await page.getByRole('button', { name: 'Valider et transmettre' }).click()
		await page.getByText('a bien été transmise').waitFor({ timeout: 3000 })
	},
}

let failures = 0
for (const p of portalPages()) {
	if (only && !only.has(p.id)) continue
	const page = await context.newPage()
	const errors = []
	page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`) })
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
	const t = Date.now()
	let status = 0
	try {
		const resp = await page.goto(p.url, { waitUntil: 'load', timeout: 20000 })
		status = resp?.status() ?? 0
		await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
		await page.waitForTimeout(300)
	} catch (e) {
		errors.push(`navigation: ${e.message}`)
	}
	const bodyText = (await page.evaluate(() => document.body?.innerText ?? '').catch(() => '')).trim()
	if (status !== 200) errors.push(`HTTP status ${status}`)
	if (bodyText.length < 20) errors.push('empty body')
	await page.screenshot({ path: join(shots, `${p.id}.png`), fullPage: true }).catch((e) => errors.push(`screenshot: ${e.message}`))
	if (snapshot && errors.length === 0) {
		const html = await page.evaluate(freezeDom)
		writeFileSync(join(snaps, `${p.id}.html`), `<!-- ${p.url} | frozen DOM of the amelipro test page "${p.id}" (scripts/styles stripped) -->\n${html}\n`)
	}
	if (errors.length === 0 && interactions[p.id]) {
		await interactions[p.id](page).catch((e) => errors.push(`interaction: ${e.message.split('\n')[0]}`))
		await page.screenshot({ path: join(shots, `${p.id}-after.png`), fullPage: true }).catch(() => {})
	}
	const ms = Date.now() - t
	if (errors.length) {
		failures++
		console.log(`FAIL ${p.id} (${ms} ms) ${p.url}\n  - ${errors.join('\n  - ')}`)
	} else {
		console.log(`ok   ${p.id} (${ms} ms, ${bodyText.length} chars of text)`)
	}
	await page.close()
}
await browser.close()
if (aborted.length) console.log(`aborted ${aborted.length} non-amelipro request(s): ${[...new Set(aborted)].slice(0, 5).join(', ')}`)
console.log(failures ? `${failures} page(s) failed` : 'all pages ok')
process.exit(failures ? 1 : 0)
