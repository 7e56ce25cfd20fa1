// Client-side behaviour of the test login page (the real page is server-rendered; nothing is sent here).
(function () {
	var form = document.getElementById('form-login')
	var robot = document.getElementById('robot')
	var captcha = document.getElementById('bloc-captcha')
	var zone = document.getElementById('zone-erreur')
	robot.addEventListener('change', function () { captcha.hidden = !robot.checked })
	function showError(text) {
		zone.innerHTML = ''
		var div = document.createElement('div')
		div.className = 'alert alert-warning'
		div.setAttribute('role', 'alert')
		var p = document.createElement('p')
		p.textContent = text
		div.appendChild(p)
		zone.appendChild(div)
	}
	form.addEventListener('submit', function (e) {
		e.preventDefault()
		var user = form.elements.user.value.trim()
		var pwd = form.elements.password.value
		if (!user || !pwd) return showError('Veuillez saisir votre identifiant et votre mot de passe.')
		if (!robot.checked || !form.elements.captcha_user_code.value.trim()) return showError('Veuillez cocher la case « Je ne suis pas un robot » et recopier les caractères de l\'image.')
		showError('Votre identifiant ou mot de passe est incorrect.')
	})
	;['form-cps', 'form-ecps'].forEach(function (id) {
		document.getElementById(id).addEventListener('submit', function (e) {
			e.preventDefault()
			showError(id === 'form-cps'
				? 'Aucune carte CPS n\'a été détectée. Vérifiez que votre carte est insérée dans le lecteur et que les composants de lecture sont installés.'
				: 'La connexion par e-CPS nécessite l\'application e-CPS sur votre téléphone.')
		})
	})
})()
