import { createRouter, createWebHashHistory } from 'vue-router'
import { mountPortalApp } from '@portal/setup.js'
import App from './App.vue'
import AideView from './AideView.vue'
import InscriptionView from './InscriptionView.vue'

// /inscription/ is a hash-routed application: the help page is /inscription/#/aide.
const router = createRouter({
	history: createWebHashHistory(),
	routes: [
		{ path: '/', name: 'inscription', component: InscriptionView },
		{ path: '/aide', name: 'aide', component: AideView },
		{ path: '/:pathMatch(.*)*', redirect: '/aide' },
	],
})

mountPortalApp(App, { router })
