/*
 * The API key form in the page header: where the server asks a key even for reads
 * (CKM_READS_NEED_KEY), the reader enters one; it is kept in this tab's session storage
 * only (never in a cookie, never sent to another host) and sent as a bearer token by
 * the editor and the dashboard.
 */
"use strict";

(() => {
  const form = document.getElementById("api-key");
  if (!form) return;
  const input = form.querySelector("input");
  const state = form.querySelector("output");
  const ITEM = "ckm-api-key";
  const show = () => {
    state.textContent = sessionStorage.getItem(ITEM) ? "key in use" : "";
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) sessionStorage.setItem(ITEM, key);
    else sessionStorage.removeItem(ITEM);
    input.value = "";
    location.reload();
  });
  show();
})();
