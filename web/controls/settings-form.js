// The settings dialog's form, made when the dialog is first opened (its markup and texts are
// not part of opening the page). Its words are filled in from the texts by `data-i18n`, as
// the page's static markup is.
export const SETTINGS_FORM = `<form id="settings-form">
<div class="dialog-head">
<h2 id="settings-heading" data-i18n="settings.heading"></h2>
</div>
<fieldset>
<legend data-i18n="settings.protocolGroup"></legend>
<label class="field"><span data-i18n="settings.protocol"></span> <select name="protocol" id="set-protocol"></select></label>
<p id="protocol-help" class="panel-hint"></p>
</fieldset>
<fieldset>
<legend data-i18n="settings.clusterGroup"></legend>
<label class="field"><span data-i18n="settings.nodes"></span> <input name="nodes" type="number" min="1" max="9" step="1" required></label>
<label class="field"><span data-i18n="settings.quorum1"></span> <input name="quorum1" type="number" min="1" max="9" step="1" required></label>
<label class="field"><span data-i18n="settings.quorum2"></span> <input name="quorum2" type="number" min="1" max="9" step="1" required></label>
</fieldset>
<fieldset>
<legend data-i18n="settings.networkGroup"></legend>
<label class="field"><span data-i18n="settings.network"></span> <select name="network"><option value="auto" data-i18n="settings.auto"></option><option value="manual" data-i18n="settings.manual"></option></select></label>
<label class="field"><span data-i18n="settings.delayMin"></span> <input name="delayMin" type="number" min="0" step="1" required></label>
<label class="field"><span data-i18n="settings.delayMax"></span> <input name="delayMax" type="number" min="0" step="1" required></label>
<label class="field"><span data-i18n="settings.drop"></span> <input name="drop" type="number" min="0" max="100" step="1" required></label>
<label class="field"><span data-i18n="settings.duplicate"></span> <input name="duplicate" type="number" min="0" max="100" step="1" required></label>
<label class="field"><span data-i18n="settings.seed"></span> <input name="seed" type="number" min="0" step="1" required></label>
</fieldset>
<fieldset>
<legend data-i18n="settings.proposersGroup"></legend>
<label class="check"><input name="nacks" type="checkbox"> <span data-i18n="settings.nacks"></span></label>
<label class="check"><input name="retry" type="checkbox"> <span data-i18n="settings.retry"></span></label>
<label class="field"><span data-i18n="settings.backoff"></span> <input name="backoff" type="number" min="0" step="1" required></label>
<label class="field"><span data-i18n="settings.timeout"></span> <input name="timeout" type="number" min="0" step="1" required></label>
<label class="field"><span data-i18n="settings.leader"></span> <select name="leader" id="set-leader"></select></label>
<label class="field"><span data-i18n="settings.attempts"></span> <input name="attempts" type="number" min="1" step="1" required></label>
<label class="check"><input name="amnesia" type="checkbox"> <span data-i18n="settings.amnesia"></span></label>
</fieldset>
<label class="check keep"><input name="keep" type="checkbox" checked> <span data-i18n="settings.keep"></span></label>
<p id="settings-problem" class="problem-inline" role="alert"></p>
<div class="dialog-buttons">
<button type="submit" class="primary" data-i18n="settings.apply"></button>
<button type="button" id="settings-cancel" data-i18n="dialog.cancel"></button>
</div>
</form>`;
