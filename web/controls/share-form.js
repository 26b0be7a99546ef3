// The share dialog's content, made when the dialog is first opened (its markup and texts are
// not part of opening the page). Its words are filled in from the texts by `data-i18n`, as
// the page's static markup is.
export const SHARE_FORM = `<div class="dialog-head">
<h2 id="share-heading" data-i18n="share.heading"></h2>
<form method="dialog"><button type="submit" data-i18n="dialog.close"></button></form>
</div>
<section aria-labelledby="share-link-heading">
<h3 id="share-link-heading" data-i18n="share.linkHeading"></h3>
<p id="share-link-hint" class="panel-hint"></p>
<label for="share-link" data-i18n="share.linkLabel"></label>
<div class="share-row">
<input id="share-link" type="text" readonly spellcheck="false" autocomplete="off" aria-describedby="share-link-length">
<button type="button" id="copy-link" class="primary" data-i18n="share.copyLink"></button>
</div>
<p class="share-meta"><span id="share-link-length"></span> <span id="share-link-status" role="status"></span></p>
</section>
<section aria-labelledby="share-embed-heading">
<h3 id="share-embed-heading" data-i18n="share.embedHeading"></h3>
<p class="panel-hint" data-i18n="share.embedHint"></p>
<label class="field"><span data-i18n="share.embedView"></span> <select id="embed-view"></select></label>
<label class="field"><span data-i18n="share.embedTheme"></span> <select id="embed-theme"></select></label>
<label class="check"><input id="embed-step" type="checkbox" checked> <span data-i18n="share.embedStep"></span></label>
<label class="check"><input id="embed-autoplay" type="checkbox"> <span data-i18n="share.embedAutoplay"></span></label>
<label class="check"><input id="embed-interactive" type="checkbox"> <span data-i18n="share.embedInteractive"></span></label>
<label class="check"><input id="embed-autosize" type="checkbox" checked> <span data-i18n="share.embedAutosize"></span></label>
<label for="embed-code" data-i18n="share.embedLabel"></label>
<textarea id="embed-code" class="embed-code" rows="5" readonly spellcheck="false"></textarea>
<div class="dialog-buttons">
<span id="share-embed-status" class="share-meta" role="status"></span>
<button type="button" id="copy-embed" data-i18n="share.copyEmbed"></button>
</div>
</section>`;
