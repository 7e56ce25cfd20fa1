// Shared bootstrap of every Synapse page: Vuetify instance from the design system, theme ap2026
// (the documented `ap` theme renders invisible buttons), class theme-ap2026 on <body>.
import 'vuetify/styles'
import '@cnamts/synapse/synapse.css'
import './portal.css'
import { createApp } from 'vue'
import { createVuetifyInstance } from '@cnamts/synapse/vuetifyConfig'

export function mountPortalApp(App, { router, selector = '#app' } = {}) {
	const vuetify = createVuetifyInstance()
	vuetify.theme.global.name.value = 'ap2026'
	document.body.classList.add('theme-ap2026')
	const app = createApp(App)
	app.use(vuetify)
	if (router) app.use(router)
	app.mount(selector)
	return app
}
