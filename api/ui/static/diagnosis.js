/*
 * The diagnosis page: pick a firm and a period, and the server's diagnosis
 * (GET /api/firms/{slug}/diagnosis, as HTML) is shown below, its evidence links opening
 * in this window. The firm picker lists the store's firms (GET /api/firms).
 */
"use strict";

(async () => {
  const { authHeaders, fetchJSON } = SparqlTerms;
  const form = document.getElementById("diagnose");
  const picker = document.getElementById("firm");
  const status = document.getElementById("status");
  const frame = document.getElementById("diagnosis");
  const asJson = document.getElementById("as-json");

  const slugOf = (iri) => iri.replace(/\/+$/, "").split("/").pop();

  function address() {
    const params = new URLSearchParams();
    for (const name of ["from", "to"]) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    }
    const query = params.toString();
    return `/api/firms/${encodeURIComponent(slugOf(picker.value))}/diagnosis${query ? `?${query}` : ""}`;
  }

  async function show() {
    if (!picker.value) return;
    const url = address();
    asJson.href = url;
    status.textContent = "Diagnosing…";
    frame.hidden = true;
    const answer = await fetch(url, { headers: { Accept: "text/html", ...authHeaders() } });
    const text = await answer.text();
    if (!answer.ok) {
      let detail = text;
      try {
        detail = JSON.parse(text).detail || text;
      } catch (_) {
        /* not a problem document */
      }
      status.textContent = `The diagnosis could not be made: ${detail}`;
      return;
    }
    // Links of the diagnosis (evidence, sources) open in this window, not in the frame.
    frame.srcdoc = text.replace(/<head>/i, '<head><base target="_top">');
    frame.hidden = false;
    status.textContent = `Diagnosis of ${picker.selectedOptions[0].textContent}.`;
    frame.dataset.state = "ready";
  }

  try {
    const firms = await fetchJSON("/api/firms?limit=500");
    for (const firm of firms.items || []) {
      picker.append(new Option(firm.label || firm.id, firm.id));
    }
  } catch (error) {
    status.textContent = `The firms could not be read: ${error.message}`;
  }
  const wanted = new URLSearchParams(location.search).get("firm");
  if (wanted) picker.value = wanted;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show().catch((error) => (status.textContent = `The diagnosis failed: ${error.message}`));
  });
  if (picker.value && wanted) show();
})();
