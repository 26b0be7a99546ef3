// The settings panel: protocol and parameters. It reads the current run's settings from its
// script, and on Apply builds a new script (these settings, and the run's commands if asked)
// for a new run. A script the core refuses leaves the current run as it was and shows why.
import { h } from '../dom.js';
import { PROTOCOLS, scriptFromSettings, settingsFromScript, splitScript } from '../script.js';

const NUMBERS = ['nodes', 'quorum1', 'quorum2', 'delayMin', 'delayMax', 'drop', 'duplicate', 'seed', 'backoff', 'timeout', 'attempts'];
const FLAGS = ['nacks', 'retry', 'amnesia'];

export class SettingsPanel {
  constructor(dialog, { onApply }) {
    this.dialog = dialog;
    this.doc = dialog.ownerDocument;
    this.form = dialog.querySelector('form');
    this.problem = dialog.querySelector('#settings-problem');
    this.onApply = onApply;
    this.t = null;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    this.doc.getElementById('settings-cancel').addEventListener('click', () => dialog.close());
    this.form.elements.protocol.addEventListener('change', () => this.describeProtocol());
    this.form.elements.nodes.addEventListener('change', () => {
      const nodes = Number(this.form.elements.nodes.value);
      if (Number.isInteger(nodes) && nodes >= 1 && nodes <= 9) {
        const majority = Math.floor(nodes / 2) + 1;
        this.form.elements.quorum1.value = String(majority);
        this.form.elements.quorum2.value = String(majority);
        this.fillLeaders(nodes, this.form.elements.leader.value);
      }
    });
  }

  translate(t) {
    this.t = t;
    const select = this.form.elements.protocol;
    const value = select.value;
    select.replaceChildren(...PROTOCOLS.map((p) => h(this.doc, 'option', { value: p, text: t(`protocol.${p}.name`) })));
    if (value) select.value = value;
    this.describeProtocol();
  }

  describeProtocol() {
    if (!this.t) return;
    this.doc.getElementById('protocol-help').textContent = this.t(`protocol.${this.form.elements.protocol.value}.rules`);
  }

  fillLeaders(nodes, current) {
    const select = this.form.elements.leader;
    const options = [h(this.doc, 'option', { value: 'none', text: this.t('settings.noLeader') })];
    for (let id = 1; id <= nodes; id += 1) options.push(h(this.doc, 'option', { value: `S${id}`, text: `S${id}` }));
    select.replaceChildren(...options);
    select.value = [...select.options].some((o) => o.value === current) ? current : 'none';
  }

  /** Opens the panel showing the settings of `script`. */
  open(script) {
    this.script = script;
    const settings = settingsFromScript(script);
    const elements = this.form.elements;
    elements.protocol.value = settings.protocol;
    elements.network.value = settings.network;
    for (const name of NUMBERS) elements[name].value = String(settings[name]);
    for (const name of FLAGS) elements[name].checked = settings[name];
    this.fillLeaders(settings.nodes, settings.leader);
    this.describeProtocol();
    this.problem.textContent = '';
    this.dialog.showModal();
  }

  read() {
    const elements = this.form.elements;
    const current = settingsFromScript(this.script);
    const settings = { ...current, protocol: elements.protocol.value, network: elements.network.value, leader: elements.leader.value };
    for (const name of NUMBERS) settings[name] = elements[name].value.trim() === '' ? current[name] : Number(elements[name].value);
    for (const name of FLAGS) settings[name] = elements[name].checked;
    return settings;
  }

  apply() {
    const settings = this.read();
    const keep = this.form.elements.keep.checked;
    if (!keep) settings.title = '';
    const commands = keep ? splitScript(this.script).commands : [];
    const script = scriptFromSettings(settings, commands);
    const error = this.onApply(script, keep);
    if (error) {
      this.problem.textContent = this.t('problem.settings', { reason: error });
      return;
    }
    this.dialog.close();
  }
}
