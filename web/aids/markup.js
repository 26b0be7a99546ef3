// The controls of the aids below the cluster, by panel id: what follows each panel's heading.
// index.html has only the panels' shells (the heading and a line saying they are loading);
// this markup comes with the aids' module and replaces that line when they load
// (web/controls/aids.js), so opening the page pays neither for it nor for its texts. Its
// words are filled in from the aids' texts by `data-i18n`, as the page's static markup is.
export const AIDS_MARKUP = {
  'compare-panel': `<p class="panel-hint" data-i18n="compare.hint"></p>
<form id="compare-form" class="inline-form">
<label><span data-i18n="compare.with"></span> <select id="compare-protocol"></select></label>
<button type="submit" id="compare-start" class="primary" data-i18n="compare.start"></button>
<button type="button" id="compare-stop" hidden data-i18n="compare.stop"></button>
</form>
<div id="compare-body" hidden>
<ul id="compare-summary" class="compare-summary"></ul>
<div class="compare-sides">
<section id="compare-left" class="compare-side" aria-labelledby="compare-left-title">
<h3 id="compare-left-title" class="compare-side-title"></h3>
<p class="compare-side-state"></p>
<p class="compare-side-cost"></p>
<svg class="cluster compare-cluster" role="img" aria-label="Cluster"></svg>
<ol class="compare-events" tabindex="0" data-i18n-aria="compare.events"></ol>
</section>
<section id="compare-right" class="compare-side" aria-labelledby="compare-right-title">
<h3 id="compare-right-title" class="compare-side-title"></h3>
<p class="compare-side-state"></p>
<p class="compare-side-cost"></p>
<svg class="cluster compare-cluster" role="img" aria-label="Cluster"></svg>
<ol class="compare-events" tabindex="0" data-i18n-aria="compare.events"></ol>
</section>
</div>
<details class="compare-mapping">
<summary data-i18n="compare.mapping"></summary>
<ol id="compare-mapping-list"></ol>
</details>
</div>`,

  'checker-panel': `<p class="panel-hint" data-i18n="check.hint"></p>
<p id="check-job" class="check-job"></p>
<ul id="check-notes" class="check-notes"></ul>
<form id="check-form" class="check-form">
<fieldset>
<legend data-i18n="check.options"></legend>
<label class="field"><span data-i18n="check.nodes"></span> <select name="nodes"><option>2</option><option>3</option><option>4</option><option>5</option></select></label>
<label class="field"><span data-i18n="check.proposers"></span> <select name="proposers"><option>1</option><option>2</option><option>3</option></select></label>
<label class="field"><span data-i18n="check.attempts"></span> <select name="attempts"><option>1</option><option>2</option><option>3</option></select></label>
<label class="field"><span data-i18n="check.duplicates"></span> <select name="duplicates"><option>0</option><option>1</option><option>2</option></select></label>
<label class="field"><span data-i18n="check.crashes"></span> <select name="crashes"><option>0</option><option>1</option><option>2</option></select></label>
<label class="check"><input type="checkbox" name="drops"> <span data-i18n="check.drops"></span></label>
<label class="check"><input type="checkbox" name="timeouts"> <span data-i18n="check.timeouts"></span></label>
<label class="check"><input type="checkbox" name="amnesia"> <span data-i18n="check.amnesia"></span></label>
<label class="check"><input type="checkbox" name="symmetry" checked> <span data-i18n="check.symmetry"></span></label>
</fieldset>
<div class="check-buttons">
<button type="submit" id="check-run" class="primary" data-i18n="check.run"></button>
<button type="button" id="check-cancel" disabled data-i18n="check.cancel"></button>
</div>
</form>
<div class="check-progress">
<label id="check-progress-label" for="check-progress" data-i18n="check.progressLabelIdle"></label>
<progress id="check-progress" max="2000000" value="0"></progress>
<p id="check-stats" class="check-stats"></p>
</div>
<p id="check-result" class="check-result"></p>
<p id="check-reason" class="check-reason" hidden></p>
<ol id="check-moves" class="check-moves" data-i18n-aria="check.movesLabel" hidden></ol>
<button type="button" id="check-animate" class="primary" hidden data-i18n="check.animate"></button>`,

  'challenge-panel': `<p class="panel-hint" data-i18n="challenge.hint"></p>
<form id="challenge-form" class="inline-form">
<label><span data-i18n="challenge.pick"></span> <select id="challenge-pick"></select></label>
<button type="submit" id="challenge-start" class="primary" data-i18n="challenge.start"></button>
</form>
<p id="challenge-rules" class="challenge-rules"></p>
<div id="challenge-play" hidden>
<p id="challenge-known" class="challenge-known"></p>
<p id="challenge-moves" class="challenge-moves"></p>
<p id="challenge-outcome" class="challenge-outcome"></p>
<div class="challenge-buttons">
<button type="button" id="challenge-giveup" data-i18n="challenge.giveUp"></button>
<button type="button" id="challenge-stop" data-i18n="challenge.stop"></button>
</div>
</div>`,

  'export-panel': `<div class="export-buttons" role="group" aria-labelledby="export-heading">
<button type="button" data-export="script" data-i18n="export.script"></button>
<button type="button" data-export="mermaid" data-i18n="export.mermaid"></button>
<button type="button" data-export="rust" data-i18n="export.rust"></button>
</div>
<p id="export-status" class="export-status" role="status"></p>
<label id="export-text-label" for="export-text" data-i18n="export.textLabelNone"></label>
<textarea id="export-text" class="code-box" rows="6" readonly spellcheck="false" autocomplete="off"></textarea>
<form id="import-form" class="import-form">
<h3 data-i18n="import.heading"></h3>
<label for="import-text" data-i18n="import.label"></label>
<textarea id="import-text" class="code-box" rows="6" spellcheck="false" autocomplete="off"></textarea>
<p id="import-problem" class="problem-inline" role="alert"></p>
<p id="import-done" class="import-done" role="status"></p>
<button type="submit" data-i18n="import.button"></button>
</form>`,
};
