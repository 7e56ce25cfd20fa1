// Fictitious people and shared header/footer data for the test pages.
// Every name and number here is invented. The NIRs have a well-formed key so that key checks can be
// exercised, but they belong to nobody known to this project; never replace them by real ones.

export const TODAY = '27/11/2026' // "today" of the fixtures (late November 2026)

export const patient = {
	name: 'Léa DUPONT',
	firstName: 'Léa',
	lastName: 'DUPONT',
	birthName: 'MOREAU',
	birthdate: '12/05/1985',
	status: 'Assurée',
	nir: '2 85 05 75 123 456 23',
	nirCompact: '285057512345623',
	system: 'Régime général',
	organism: 'CPAM de la Côte-d\'Or',
	doctor: 'Médecin traitant : Dr Hélène TESTARD',
}

export const patient2 = {
	name: 'Marc LEGRAND',
	firstName: 'Marc',
	lastName: 'LEGRAND',
	birthdate: '21/02/1972',
	status: 'Assuré',
	nir: '1 72 02 21 054 321 57',
	system: 'Régime général',
	organism: 'CPAM de la Côte-d\'Or',
	doctor: 'Médecin traitant : Dr Hélène TESTARD',
}

export const doctor = {
	userName: 'Dr Hélène TESTARD',
	profil: 'Médecin',
	specialite: 'Médecine générale',
	am: '211234567',
	rpps: '10101010101',
	cabinet: 'Cabinet médical des Tilleuls',
	adresse: { numero: '12', type: 'rue', nom: 'des Tilleuls', codePostal: '21000', commune: 'Dijon' },
}

export const pharmacist = {
	userName: 'Thomas FICTIF',
	profil: 'Pharmacien titulaire',
	denomination: 'Pharmacie des Tilleuls',
	am: '212345678',
	finess: '210000000',
	adresse: { numero: '3', type: 'place', nom: 'du Marché', codePostal: '21000', commune: 'Dijon' },
}

export const ESPACEPRO = 'https://espacepro.ameli.fr'

/** Services of the "Services" menu (labels as seen in the portal menus). */
export const servicesPs = [
	{ label: 'Arrêt de travail', href: `${ESPACEPRO}/aat/` },
	{ label: 'Certificat AT/MP', href: `${ESPACEPRO}/atmp/` },
	{ label: 'Affection de longue durée', href: `${ESPACEPRO}/page-accueil-ihm/#ald` },
	{ label: 'Prescription de transport', href: `${ESPACEPRO}/page-accueil-ihm/#transport` },
	{ label: 'Déclaration médecin traitant', href: `${ESPACEPRO}/page-accueil-ihm/#dmt` },
	{ label: 'Info patient', href: `${ESPACEPRO}/page-accueil-ihm/#info-patient` },
]
export const servicesContact = [
	{ label: 'Tous mes paiements', href: 'https://paiements2.ameli.fr/' },
	{ label: 'Ma convention', href: 'https://convention2.ameli.fr/convention-medecin/' },
	{ label: 'Commandes', href: `${ESPACEPRO}/commandes/` },
	{ label: 'Réclamations Paiements', href: 'https://paiements2.ameli.fr/reclaps/' },
]

export function headerInfos({ serviceName, user = doctor, uniqueId = 'services-menu' } = {}) {
	return {
		serviceName,
		homeHref: `${ESPACEPRO}/page-accueil-ihm/`,
		serviceMenuInfos: { uniqueId, servicesPs, servicesContact },
		userMenuInfos: {
			lastConnexion: '26/11/2026',
			userMenuDetailsInfos: { ...user },
		},
		userInformationSummaryInfos: {
			userName: user.userName,
			categorieSpecialite: user.specialite ?? user.profil,
			nomCabinet: user.cabinet ?? user.denomination,
			adresseLigne1: `${user.adresse.numero} ${user.adresse.type} ${user.adresse.nom}`,
			adresseLigne2: `${user.adresse.codePostal} ${user.adresse.commune}`,
		},
	}
}

export const footerInfos = {
	version: '',
	configurationHref: `${ESPACEPRO}/inscription/#/aide`,
	configurationLabel: 'Configuration',
}

export function bannerInfos(p = patient) {
	return {
		name: p.name,
		birthName: p.birthName,
		birthdate: p.birthdate,
		patientNir: p.nir,
		patientStatus: p.status,
		patientSystem: p.system,
		patientOrganism: p.organism,
		patientDoctorInfos: p.doctor,
		noMoreInformation: true,
	}
}

export function layoutInfos({ serviceName, user, withPatient = false, p = patient } = {}) {
	return {
		ameliproHeaderInfos: headerInfos({ serviceName, user }),
		ameliproFooterInfos: footerInfos,
		ameliproPatientBannerInfos: withPatient ? bannerInfos(p) : undefined,
		displayPatientBanner: withPatient,
	}
}
