// The settings panel: protocol and parameters. It shows the current run's settings as the
// core reports them (every default resolved), follows the core's defaults when the protocol
// or the cluster size changes, and on Apply asks the core for a new script (these settings,
// and the run's commands if asked) for a new run. What the core refuses leaves the current
// run as it was and shows why, with the refused field marked. The core's side of editing
// (protocols, defaults, checking settings) is in the aids' wasm module, fetched with this
// panel: the page's module carries only what opening the page needs.
import { h } from '../dom.js';
import { applyStatic } from '../i18n.js';
import { loadAidsModule } from '../aids/module.js';
import { SETTINGS_FORM } from './settings-form.js';
import en from './settings-texts-en.js';
import zhCN from './settings-texts-zh-CN.js';
import protocolsEn from './protocol-texts-en.js';
import protocolsZhCN from './protocol-texts-zh-CN.js';
import syntaxEn from '../aids/syntax-texts-en.js';
import syntaxZhCN from '../aids/syntax-texts-zh-CN.js';
import { syntaxText } from '../problems.js';

/** The dialog's own texts and the protocols' names: the page's language files do not carry
 *  them (the app adds them). */
export const TEXTS = { en: { ...en, ...protocolsEn, ...syntaxEn }, 'zh-CN': { ...zhCN, ...protocolsZhCN, ...syntaxZhCN } };

/** Why the core refused the settings (`made`, withSettings' answer), in the language of `t`. */
export function refusalText(made, t) {
  const reason = syntaxText({ syntax: made.syntax, facts: Object.fromEntries(made.facts ?? []), message: made.error }, t);
  return made.command ? t('settings.keptCommand', { command: made.command, reason }) : reason;
}

let aidsModule = null;

/** The panel's class, once the core's aids module it works with is here. */
export async function loadSettingsPanel() {
  aidsModule ??= await loadAidsModule();
  return SettingsPanel;
}

const NUMBERS = ['nodes', 'quorum1', 'quorum2', 'delayMin', 'delayMax', 'drop', 'duplicate', 'seed', 'backoff', 'timeout', 'attempts'];
const FLAGS = ['nacks', 'retry', 'amnesia'];

export class SettingsPanel {
  /**
   * @param dialog the settings <dialog>
   * @param {{onApply: (script: string, keep: boolean) => string|null|Promise<string|null>, core?: object}} options
   *   `core` is the aids' wasm module (protocols, defaults, withSettings); by default the one
   *   `loadSettingsPanel` loaded
   */
  constructor(dialog, { onApply, core = aidsModule }) {
    this.dialog = dialog;
    this.doc = dialog.ownerDocument;
    // index.html has the dialog empty: its form comes with this module.
    if (!dialog.querySelector('form')) dialog.innerHTML = SETTINGS_FORM;
    this.form = dialog.querySelector('form');
    this.problem = dialog.querySelector('#settings-problem');
    this.core = core;
    this.onApply = onApply;
    this.t = null;
    this.pg = null;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.apply();
    });
    this.doc.getElementById('settings-cancel').addEventListener('click', () => dialog.close());
    this.form.elements.protocol.addEventListener('change', () => {
      this.followDefaults();
      this.describeProtocol();
    });
    this.form.elements.nodes.addEventListener('change', () => this.followDefaults());
  }

  translate(t) {
    this.t = t;
    applyStatic(this.dialog, t);
    const select = this.form.elements.protocol;
    const value = select.value;
    const protocols = this.core.protocols();
    select.replaceChildren(...protocols.map((name) => h(this.doc, 'option', { value: name, text: t(`protocol.${name}.name`) })));
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
    for (let id = 1; id <= nodes; id += 1) options.push(h(this.doc, 'option', { value: String(id), text: `S${id}` }));
    select.replaceChildren(...options);
    const wanted = current === null || current === undefined ? 'none' : String(current);
    select.value = [...select.options].some((o) => o.value === wanted) ? wanted : 'none';
  }

  /** The core's defaults for the protocol and cluster size on the form (null if it has none). */
  formDefaults() {
    try {
      return this.core.defaultSettings(this.form.elements.protocol.value, Number(this.form.elements.nodes.value));
    } catch {
      return null;
    }
  }

  /** A new protocol or cluster size: every field whose core default changed with it takes
   *  the new default (majority quorums for the size, retries for one-phase-adopt). */
  followDefaults() {
    const next = this.formDefaults();
    if (!next) return;
    const before = this.defaults ?? next;
    const elements = this.form.elements;
    for (const name of NUMBERS) if (before[name] !== next[name]) elements[name].value = String(next[name]);
    for (const name of FLAGS) if (before[name] !== next[name]) elements[name].checked = next[name];
    this.defaults = next;
    this.fillLeaders(next.nodes, this.readLeader());
  }

  readLeader() {
    const value = this.form.elements.leader.value;
    return value === 'none' || value === '' ? null : Number(value);
  }

  show(settings) {
    const elements = this.form.elements;
    elements.protocol.value = settings.protocol;
    elements.network.value = settings.network;
    for (const name of NUMBERS) elements[name].value = String(settings[name]);
    for (const name of FLAGS) elements[name].checked = settings[name];
    this.fillLeaders(settings.nodes, settings.leader);
    this.defaults = this.formDefaults();
  }

  /** Opens the panel showing the settings of the run `pg` (a Playground), as the core reads them. */
  open(pg) {
    this.pg = pg;
    this.current = this.core.settingsOf(pg.script());
    this.show(this.current);
    this.describeProtocol();
    this.markInvalid(null);
    this.problem.textContent = '';
    this.dialog.showModal();
  }

  read() {
    const elements = this.form.elements;
    const settings = { ...this.current, protocol: elements.protocol.value, network: elements.network.value, leader: this.readLeader() };
    for (const name of NUMBERS) settings[name] = elements[name].value.trim() === '' ? this.current[name] : Number(elements[name].value);
    for (const name of FLAGS) settings[name] = elements[name].checked;
    return settings;
  }

  markInvalid(name) {
    for (const element of this.form.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
    const element = name ? this.form.elements[name] : null;
    if (element) element.setAttribute('aria-invalid', 'true');
    return element;
  }

  apply() {
    const settings = this.read();
    const keep = this.form.elements.keep.checked;
    if (!keep) settings.title = '';
    const made = this.core.withSettings(this.pg.script(), settings, keep);
    // `onApply` may answer later (a Multi-Paxos scenario waits for its module: web/app.js).
    return Promise.resolve(made.script === null ? refusalText(made, this.t) : this.onApply(made.script, keep)).then((error) => {
      if (error) {
        this.markInvalid(made.setting)?.focus();
        this.problem.textContent = this.t('problem.settings', { reason: error });
        return;
      }
      this.dialog.close();
    });
  }
}
