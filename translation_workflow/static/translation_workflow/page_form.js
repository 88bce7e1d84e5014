/* The page form: right-to-left in the rich-text editor, and opening a language's tab.
   A static file, no inline script: the admin keeps working under a strict CSP. */
"use strict";

// The prose editor wraps the textarea; give its editable area the textarea's
// direction and language, whenever an editor appears.
function copyDirection() {
  for (const textarea of document.querySelectorAll(".prose-editor textarea[dir]")) {
    // The editable area only: the heading menu's preview is a .ProseMirror too, and it
    // speaks the admin's language, not the field's.
    const editable = textarea
      .closest(".prose-editor")
      .querySelector(".ProseMirror[contenteditable]");
    if (editable && editable.getAttribute("dir") !== textarea.getAttribute("dir")) {
      editable.setAttribute("dir", textarea.getAttribute("dir"));
      editable.setAttribute("lang", textarea.getAttribute("lang"));
    }
  }
}
new MutationObserver(copyDirection).observe(document.documentElement, {
  childList: true,
  subtree: true,
});

// ?language=ar (links from the translation overview) opens the Arabic tabs, as soon as
// modeltranslation has built its language switch (in a jQuery ready handler, which may
// run after the load event).
function openRequestedLanguage() {
  const code = new URLSearchParams(window.location.search).get("language");
  const select = document.getElementById("modeltranslation-main-switch");
  if (!code || !select) {
    return !code;
  }
  // admin_languages.js may already have put the language's name in place of the code.
  const option = Array.from(select.options).find(
    (item) => (item.dataset.languageCode || item.text) === code,
  );
  if (option) {
    select.value = option.value;
    select.dispatchEvent(new Event("change"));
  }
  return true;
}
document.addEventListener("DOMContentLoaded", () => {
  if (openRequestedLanguage()) {
    return;
  }
  const observer = new MutationObserver(() => {
    if (openRequestedLanguage()) {
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
});
