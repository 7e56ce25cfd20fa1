import { createRouter, createWebHistory } from 'vue-router'
import { mountPortalApp } from '@portal/setup.js'
import App from './App.vue'
import FormView from './FormView.vue'
import RecapView from './RecapView.vue'
import ConfirmView from './ConfirmView.vue'

// History-mode SPA under /aat/ (like the real application): in-app navigation uses the History API.
const router = createRouter({
	history: createWebHistory('/aat/'),
	routes: [
		{ path: '/', name: 'saisie', component: FormView },
		{ path: '/recapitulatif', name: 'recapitulatif', component: RecapView },
		{ path: '/confirmation', name: 'confirmation', component: ConfirmView },
		{ path: '/:pathMatch(.*)*', redirect: '/' },
	],
})

mountPortalApp(App, { router })
