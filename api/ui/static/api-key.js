/*
 * The API key form in the page header: the reader enters a key (where the server asks
 * one even for reads, CKM_READS_NEED_KEY, or to write); it is kept in this tab's session
 * storage only (never in a cookie, never sent to another host) and sent as a bearer
 * token by the editor and the dashboard. While a key is in use the header says whose it
 * is and what it may do (GET /api/me), or that the server refused it, with a button to
 * forget it.
 */
"use strict";

(() => {
  const form = document.getElementById("api-key");
  if (!form) return;
  const input = form.querySelector("input");
  const use = form.querySelector("button[type=submit]");
  const forget = form.querySelector("button.forget");
  const state = form.querySelector("output");
  const ITEM = "ckm-api-key";

  async function show() {
    const key = sessionStorage.getItem(ITEM);
    form.dataset.key = key ? "checking" : "none";
    input.hidden = use.hidden = Boolean(key);
    forget.hidden = !key;
    if (!key) {
      state.textContent = "";
      return;
    }
    state.textContent = "key in use";
    try {
      const answer = await fetch("/api/me", {
        headers: { Accept: "application/json", Authorization: `Bearer ${key}` },
      });
      if (answer.status === 401) {
        form.dataset.key = "refused";
        state.textContent = "key refused by the server";
        return;
      }
      const me = await answer.json();
      form.dataset.key = "in-use";
      state.textContent = `key “${me.agent}” in use (${me.role})`;
    } catch (_) {
      form.dataset.key = "in-use"; // the server did not answer: the key stays
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) sessionStorage.setItem(ITEM, key);
    else sessionStorage.removeItem(ITEM);
    input.value = "";
    location.reload();
  });
  forget.addEventListener("click", () => {
    sessionStorage.removeItem(ITEM);
    location.reload();
  });
  show();
})();
