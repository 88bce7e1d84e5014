/* Language names instead of bare codes on modeltranslation's tabs and language switch.
   The names come from the page (a JSON data block rendered from portal/languages.py in
   the caseworker's language), so the tabs say what the rest of the admin says. */
"use strict";

function adminLanguageNames() {
  const data = document.getElementById("admin-language-names");
  return data ? JSON.parse(data.textContent) : {};
}

function nameLanguageTabs() {
  const names = adminLanguageNames();
  // Tabs link to "#tab_id_<field>_<code>"; the text is the code.
  for (const link of document.querySelectorAll(".ui-tabs-nav a[href^='#tab_id_']")) {
    const code = link.textContent.trim().replace("-", "_");
    const name = names[code];
    if (name && !link.dataset.languageCode) {
      link.dataset.languageCode = code;
      link.textContent = name;
      link.title = name;
      link.lang = document.documentElement.lang;
    }
  }
  const select = document.getElementById("modeltranslation-main-switch");
  if (select) {
    for (const option of select.options) {
      const code = option.dataset.languageCode || option.text.trim().replace("-", "_");
      if (names[code] && !option.dataset.languageCode) {
        option.dataset.languageCode = code;
        option.text = names[code];
      }
    }
  }
}

// modeltranslation builds the tabs in a jQuery ready handler, which may run before or
// after the load event: name them whenever they appear (naming twice changes nothing).
document.addEventListener("DOMContentLoaded", () => {
  nameLanguageTabs();
  new MutationObserver(nameLanguageTabs).observe(document.body, {
    childList: true,
    subtree: true,
  });
});
