/* The page editor's (django-prose-editor's) toolbar and heading menu in the caseworker's
   language. The editor translates its dialogs through Django's JavaScript catalogue
   (window.gettext, from the admin's jsi18n view), but writes its button titles and menu
   entries in English; this passes them through the same catalogue (locale/<code>/
   LC_MESSAGES/djangojs.po) whenever a menu bar appears. A static file: no inline script. */
"use strict";

(function () {
  const translate = window.gettext || ((text) => text);
  const HEADING = /^heading (\d)$/i;

  function label(text) {
    const english = text.trim();
    const heading = HEADING.exec(english);
    if (heading) {
      // "Heading 2" in the menu, "heading 2" on the button: one message.
      const format = translate("Heading %s");
      return window.interpolate ? window.interpolate(format, [heading[1]]) : english;
    }
    return translate(english);
  }

  function translateMenubar(menubar) {
    for (const element of menubar.querySelectorAll("[title], [aria-label]")) {
      if (element.dataset.labelled) {
        continue;
      }
      element.dataset.labelled = "true";
      for (const attribute of ["title", "aria-label"]) {
        const value = element.getAttribute(attribute);
        if (value) {
          element.setAttribute(attribute, label(value));
        }
      }
    }
    // Menu entries (paragraph, headings): plain text in elements without children.
    // Material icon buttons are left alone: their text is the icon's name.
    for (const element of menubar.querySelectorAll(
      ".prose-menubar__option *, .prose-menubar__option, .prose-menubar__selected *",
    )) {
      if (element.children.length || element.classList.contains("material-icons")) {
        continue;
      }
      if (element.dataset.labelled === element.textContent) {
        continue;
      }
      const text = label(element.textContent);
      element.textContent = text;
      element.dataset.labelled = text;
    }
  }

  function translateAll() {
    for (const menubar of document.querySelectorAll(".prose-menubar")) {
      translateMenubar(menubar);
    }
  }

  new MutationObserver(translateAll).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
