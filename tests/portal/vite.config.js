// Multi-page build of the amelipro test pages. Each folder of src/pages/ with an index.html is one page;
// it is emitted as dist/<folder>/index.html, with every asset under /assets/ (base '/'), so the same
// bundle can be served on any amelipro host by router.mjs.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { readdirSync, existsSync } from 'node:fs'
import { resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const pagesDir = resolve(here, 'src/pages')
const input = Object.fromEntries(
	readdirSync(pagesDir, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(resolve(pagesDir, d.name, 'index.html')))
		.map((d) => [d.name, resolve(pagesDir, d.name, 'index.html')]),
)

export default defineConfig({
	root: pagesDir,
	base: '/',
	publicDir: false,
	plugins: [vue()],
	resolve: {
		alias: { '@portal': resolve(here, 'src/common') },
	},
	logLevel: 'warn',
	build: {
		outDir: resolve(here, 'dist'),
		emptyOutDir: true,
		assetsDir: 'assets',
		sourcemap: false,
		reportCompressedSize: false,
		chunkSizeWarningLimit: 5000,
		rollupOptions: { input },
	},
})
