"use strict";
// The local web chat: posts the text to /api/chat and shows the answer's HTML, which the server has rendered
// with every piece of text encoded. User text is only ever inserted with textContent.
(function () {
  // The page's own strings come from the knowledge base (GET /api/ui); English text in the HTML until they arrive.
  let ui = { en: {} };
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const text = document.getElementById("text");
  const lang = document.getElementById("lang");
  let last = null;

  function locale() { return lang.value || null; }

  function tr(key) { const l = ui[lang.value] ? lang.value : "en"; return (ui[l] && ui[l][key]) || ""; }

  function applyUi() {
    const l = ui[lang.value] ? lang.value : "en";
    document.documentElement.lang = l;
    document.querySelectorAll("[data-i18n]").forEach((el) => { const t = tr(el.dataset.i18n); if (t) { el.textContent = t; } });
    if (tr("placeholder")) { text.placeholder = tr("placeholder"); }
    document.getElementById("guides-link").href = "/guides" + (lang.value ? "?lang=" + lang.value : "");
  }

  function bubble(cls, node) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    div.appendChild(node);
    log.appendChild(div);
    div.scrollIntoView({ block: "start" }); // read an answer from its title
    return div;
  }

  async function ask(question) {
    last = question;
    const pre = document.createElement("pre");
    pre.textContent = question;
    bubble("user", pre);
    try {
      const res = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: question, locale: locale() }),
      });
      const body = await res.json();
      if (!res.ok) { throw new Error(body.detail || res.statusText); }
      const tpl = document.createElement("template");
      tpl.innerHTML = body.html; // server-rendered, every text encoded
      const div = bubble("bot", tpl.content);
      div.dataset.intent = body.intent;
      div.dataset.codes = body.codes.join(" ");
    } catch (e) {
      const p = document.createElement("p");
      p.textContent = (tr("error") || "Error:") + " " + e.message;
      bubble("bot error", p);
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = text.value.trim();
    if (q) { text.value = ""; ask(q); }
  });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  log.addEventListener("click", (e) => {
    const button = e.target.closest("button.action");
    if (button) { ask(button.dataset.command); }
  });
  lang.addEventListener("change", () => {
    localStorage.setItem("lang", lang.value);
    applyUi();
    if (last) { ask(last); } // the same question again, in the new language
  });

  const params = new URLSearchParams(location.search);
  lang.value = params.get("lang") || localStorage.getItem("lang") || "";
  applyUi();
  fetch("/api/ui").then((r) => r.json()).then((strings) => { ui = strings; applyUi(); }).catch(() => {});
  if (params.get("q")) { ask(params.get("q")); }
  text.focus();
})();
