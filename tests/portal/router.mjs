// Serves the built amelipro test pages at their real URLs (no dependency, node builtins only).
//
//   resolvePortalRequest(url, method = 'GET') -> { status, contentType, body: Buffer } | null
//     null when the URL is not on an amelipro host (the caller should abort the request).
//   PORTAL_DIST      absolute path of the build output (tests/portal/dist)
//   portalPages()    the entries of pages.json
//   ensurePortalBuilt()  npm ci (if node_modules is missing) + npm run build (if dist is missing or stale)
//
// Playwright: context.route(/^https:\/\/[^/]*ameli\.fr\//, (route) => {
//   const r = resolvePortalRequest(route.request().url(), route.request().method())
//   return r ? route.fulfill({ status: r.status, contentType: r.contentType, body: r.body }) : route.abort()
// })
import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs'
import { join, dirname, extname, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'

const HERE = dirname(fileURLToPath(import.meta.url))
export const PORTAL_ROOT = HERE
export const PORTAL_DIST = join(HERE, 'dist')

export const AMELIPRO_HOSTS = Object.freeze([
	'espacepro.ameli.fr',
	'authps-espacepro.ameli.fr',
	'authcps-espacepro.ameli.fr',
	'paiements2.ameli.fr',
	'convention2.ameli.fr',
	'conventionpharmaciens.ameli.fr',
	'conventionauxiliaires.ameli.fr',
])

const MIME = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.json': 'application/json; charset=utf-8',
	'.pdf': 'application/pdf',
	'.ico': 'image/x-icon',
}

let pagesCache = null
/** The page list (pages.json). */
export function portalPages() {
	if (!pagesCache) pagesCache = JSON.parse(readFileSync(join(HERE, 'pages.json'), 'utf8'))
	return pagesCache
}

function pageRoutes() {
	return portalPages().map((p) => {
		const u = new URL(p.url)
		let base = u.pathname
		if (!base.endsWith('/')) base = base.replace(/[^/]*$/, '')
		return { page: p, host: u.hostname, path: u.pathname, base, spa: Boolean(p.spaBase) }
	})
}

/** A tiny but valid one-page PDF (xref offsets computed). */
export function tinyPdf(title = 'Document') {
	const text = String(title).replace(/[()\\]/g, '').normalize('NFD').replace(/[^\x20-\x7e]/g, '')
	const stream = `BT /F1 14 Tf 56 780 Td (${text}) Tj ET`
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
	]
	let out = '%PDF-1.4\n'
	const offsets = []
	objs.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out))
		out += `${i + 1} 0 obj\n${o}\nendobj\n`
	})
	const xref = Buffer.byteLength(out)
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
	return Buffer.from(out, 'latin1')
}

/** PDF endpoints of the AAT and AT/MP applications (query strings such as ?idAAT=… are ignored) -> title. */
const PDF_ENDPOINTS = {
	'/aat-api/pdf/cerfa': 'Avis d arret de travail - Cerfa 10170',
	'/aat-api/pdf/recapitulatif': 'Recapitulatif de transmission AAT',
	'/aat-api/pdf/volet/employeur': 'Avis d arret de travail - volet employeur',
	'/atmp-api/pdf/cerfa/atmp': 'Certificat medical AT/MP - Cerfa',
	'/atmp-api/pdf/exemplaire/assure': 'Certificat medical AT/MP - exemplaire assure',
	'/atmp-api/pdf/recap/ps': 'Certificat medical AT/MP - recapitulatif praticien',
}

function notFound(url) {
	const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable - amelipro</title></head>`
		+ `<body><h1>Page introuvable</h1><p>La page demandée n'existe pas ou n'est plus disponible.</p>`
		+ `<p><a href="https://espacepro.ameli.fr/page-accueil-ihm/">Retour à l'accueil amelipro</a></p>`
		+ `<!-- ${String(url).replace(/--/g, '')} --></body></html>`
	return { status: 404, contentType: 'text/html; charset=utf-8', body: Buffer.from(html) }
}

function fileResponse(abs, status = 200) {
	if (!existsSync(abs) || !statSync(abs).isFile()) return null
	return { status, contentType: MIME[extname(abs).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(abs) }
}

function distMissing(what) {
	const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Test pages not built</title></head>`
		+ `<body><h1>amelipro test pages are not built</h1><p>Missing ${what}. Run ensurePortalBuilt() or `
		+ `<code>npm --prefix tests/portal ci && npm --prefix tests/portal run build</code>.</p></body></html>`
	return { status: 503, contentType: 'text/html; charset=utf-8', body: Buffer.from(html) }
}

/** Finds the page entry serving this URL (or undefined). */
export function findPortalPage(url) {
	let u
	try { u = new URL(url) } catch { return undefined }
	if (!AMELIPRO_HOSTS.includes(u.hostname)) return undefined
	const path = decodeURIComponent(u.pathname)
	let best
	for (const r of pageRoutes()) {
		if (r.host !== u.hostname) continue
		const exact = path === r.path || path === r.path.replace(/\/$/, '') || path + '/' === r.path
		const underSpa = r.spa && path.startsWith(r.page.spaBase)
		const sameDir = !r.spa && (path === r.base || path === r.base + 'index.html')
		if (exact || underSpa || sameDir) {
			const score = exact ? 1e6 + r.path.length : r.base.length
			if (!best || score > best.score) best = { score, page: r.page }
		}
	}
	return best?.page
}

export function resolvePortalRequest(url, method = 'GET') {
	let u
	try { u = new URL(url) } catch { return null }
	if (u.protocol !== 'https:' || !AMELIPRO_HOSTS.includes(u.hostname)) return null
	const path = decodeURIComponent(u.pathname)
	const m = String(method || 'GET').toUpperCase()

	// Built assets are shared by every host.
	if (path.startsWith('/assets/')) {
		const rel = normalize(path.slice('/assets/'.length))
		if (rel.startsWith('..') || rel.includes(`..${sep}`)) return notFound(url)
		if (!existsSync(PORTAL_DIST)) return distMissing('dist/')
		return fileResponse(join(PORTAL_DIST, 'assets', rel)) ?? notFound(url)
	}

	// PDFs produced by the sick-leave and AT/MP applications (endpoints seen on the live portal, amelipro.md).
	const pdf = u.hostname === 'espacepro.ameli.fr' ? PDF_ENDPOINTS[path] : undefined
	if (pdf) return { status: 200, contentType: 'application/pdf', body: tinyPdf(`${pdf} - document de test fictif`) }

	const page = findPortalPage(url)
	if (page && (m === 'GET' || m === 'HEAD' || m === 'POST')) {
		const abs = join(PORTAL_DIST, page.file)
		return fileResponse(abs) ?? distMissing(page.file)
	}
	return notFound(url)
}

function newestMtime(dir, skip = new Set()) {
	let newest = 0
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (skip.has(e.name)) continue
		const p = join(dir, e.name)
		const t = e.isDirectory() ? newestMtime(p, skip) : statSync(p).mtimeMs
		if (t > newest) newest = t
	}
	return newest
}

/** Installs and builds the test pages when needed (synchronous; logs what it does). */
export function ensurePortalBuilt({ log = (msg) => console.log(`[portal] ${msg}`) } = {}) {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
	if (!existsSync(join(HERE, 'node_modules', '@cnamts', 'synapse'))) {
		log('tests/portal/node_modules missing: running npm ci ...')
		const t = Date.now()
		execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: HERE, stdio: 'inherit' })
		log(`npm ci done in ${((Date.now() - t) / 1000).toFixed(1)} s`)
	}
	const sources = Math.max(
		newestMtime(join(HERE, 'src')),
		...['vite.config.js', 'package.json', 'package-lock.json'].map((f) => (existsSync(join(HERE, f)) ? statSync(join(HERE, f)).mtimeMs : 0)),
	)
	const marker = join(PORTAL_DIST, 'home', 'index.html')
	const built = existsSync(marker) ? statSync(marker).mtimeMs : 0
	const allFiles = portalPages().every((p) => existsSync(join(PORTAL_DIST, p.file)))
	if (!built || !allFiles || built < sources) {
		log(built ? 'dist is older than the sources: rebuilding ...' : 'dist missing: building ...')
		const t = Date.now()
		execFileSync(npm, ['run', 'build'], { cwd: HERE, stdio: 'inherit' })
		log(`build done in ${((Date.now() - t) / 1000).toFixed(1)} s -> ${PORTAL_DIST}`)
	} else {
		log('dist is up to date')
	}
	return PORTAL_DIST
}
