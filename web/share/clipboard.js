// Copying text: the asynchronous Clipboard API where the browser offers it, and otherwise
// (an insecure context such as plain http on a LAN address, a denied permission, an old
// browser) the text selected in its field, for the person to copy with the keyboard.

/**
 * Copies `text`; `field` is the input or textarea that shows it.
 * @returns {Promise<'copied'|'selected'>} 'selected' when the person has to copy it.
 */
export async function copyText(window, text, field) {
  const clipboard = window.isSecureContext ? window.navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (permission, focus): fall through to selecting it.
    }
  }
  field.focus();
  field.select();
  field.setSelectionRange?.(0, field.value.length);
  return 'selected';
}
