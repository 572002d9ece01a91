// The page's own code, in a file (a strict CSP allows no inline script): it listens to the elements'
// events and shows what it got. A real page would send event.detail to its server here.
const status = document.getElementById('received-status');
const received = document.getElementById('received');

document.addEventListener('boussole-submit', (event) => {
  const result = event.detail; // the complete result (boussole/schemas/result.schema.json)
  status.textContent = `${event.target.localName} : ${result.status}, ${Object.keys(result.answers).length} réponse(s)`;
  received.textContent = JSON.stringify(result.answers, null, 2);
});

document.addEventListener('boussole-error', (event) => {
  status.textContent = `Erreur ${event.detail.code} : ${event.detail.message}`;
});
