// The demo host page's own script: logs the widget's events and shows the JavaScript API.
import { check } from './phc-widget.js';

const log = document.getElementById('log');
function write(text) {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

for (const name of ['phc-ready', 'phc-step', 'phc-result', 'phc-error']) {
  document.addEventListener(name, (e) => {
    const from = e.target.id || e.target.tagName.toLowerCase();
    const detail = name === 'phc-result' ? `verdict=${e.detail.verdict}` : JSON.stringify(e.detail);
    write(`${from}: ${name} ${detail}`);
  });
}

document.getElementById('reset').addEventListener('click', () => document.getElementById('main-widget').reset());
document.getElementById('api').addEventListener('click', async () => {
  try {
    const d = await check({ service: 'home_visit', current_attachment: { attached: true, at_target_clinic: true } }, { lang: 'ru' });
    write(`check(): ${d.verdict} — ${d.text.verdict}`);
  } catch (e) {
    write(`check() rejected: ${e.name}: ${e.message}`);
  }
});
