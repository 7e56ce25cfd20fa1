// Client-side behaviour of the test AT/MP certificate form (nothing is sent anywhere).
const form = document.getElementById('p2-form-certificat')
const messages = document.getElementById('p2-messages')
const lesions = document.getElementById('lesions')
const compteur = document.getElementById('lesions-compteur')
const blocFinal = document.getElementById('p2-bloc-final')
const blocConsequences = document.getElementById('p2-bloc-consequences')
const DATE = /^\d{2}\/\d{2}\/\d{4}$/

lesions.addEventListener('input', () => { compteur.textContent = String(lesions.value.length) })
form.addEventListener('change', () => {
	const type = form.elements.typeCertificat.value
	blocFinal.hidden = type !== 'FINAL'
	blocConsequences.hidden = type === 'FINAL'
})
document.getElementById('p2-annuler').addEventListener('click', () => { form.reset(); messages.innerHTML = ''; compteur.textContent = '0' })

form.addEventListener('submit', (e) => {
	e.preventDefault()
	const errs = []
	const f = form.elements
	if (!DATE.test(f.dateEvenement.value)) errs.push('La date de l\'accident ou de la première constatation est obligatoire (jj/mm/aaaa).')
	if (!DATE.test(f.dateCertificat.value)) errs.push('La date du certificat est obligatoire (jj/mm/aaaa).')
	if (!f.lesions.value.trim()) errs.push('Les constatations détaillées sont obligatoires.')
	if (f.typeCertificat.value !== 'FINAL' && f.arret.checked && !DATE.test(f.dateFinArret.value)) errs.push('La date de fin de l\'arrêt de travail est obligatoire.')
	if (f.typeCertificat.value === 'FINAL' && !f.issue.value) errs.push('Précisez la guérison ou la consolidation.')
	messages.innerHTML = ''
	if (errs.length) {
		const ul = document.createElement('ul')
		ul.className = 'p2-erreurs'
		for (const m of errs) { const li = document.createElement('li'); li.textContent = m; ul.appendChild(li) }
		messages.appendChild(ul)
		return
	}
	form.hidden = true
	document.getElementById('p2-reference').textContent = `ATMP-${Date.now().toString().slice(-8)}`
	document.getElementById('p2-confirmation').hidden = false
})
