import { reactive } from 'vue'
import { patient, doctor } from '@portal/fixtures.js'

// State of the notice being written (kept in memory only: nothing is sent anywhere).
export const aat = reactive({
	// full name in one field, as the portal's #prenom (amelipro.md)
	prenom: patient.name,
	nomPrenomPs: 'TESTARD Hélène',
	numAmPs: doctor.am,
	type: 'initial', // 'initial' | 'prolongation'
	dateArretInitial: '',
	dateDebut: '27/11/2026',
	dateFin: '04/12/2026',
	sorties: 'sans-restriction',
	motif: '',
	ald: false,
	grossesse: false,
	teleconsultation: false,
	transmittedAt: null,
	receiptNumber: null,
})

export const typeLabels = { initial: 'Arrêt initial', prolongation: 'Prolongation' }
export const sortiesItems = [
	{ title: 'Sorties non autorisées', value: 'non-autorisees' },
	{ title: 'Sorties autorisées sans restriction d\'horaire', value: 'sans-restriction' },
	{ title: 'Sorties autorisées avec restriction d\'horaire', value: 'avec-restriction' },
]
