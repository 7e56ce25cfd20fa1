import { mountPortalApp } from '@portal/setup.js'
import App from './App.vue'

mountPortalApp(App)
