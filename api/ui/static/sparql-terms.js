/*
 * What the editor and the dashboard share: fetching JSON from this server, showing
 * SPARQL JSON terms to a reader, and pivoting a saved query's results into a chart's
 * categories and series. The pivot mirrors kg/reporting/charts.py (chart_data), which
 * draws the same charts for `ckm report`.
 */
"use strict";

const API_KEY_ITEM = "ckm-api-key";

const SparqlTerms = (() => {
  /** The API key the reader entered (kept for this browser tab only), as headers. */
  function authHeaders() {
    const key = sessionStorage.getItem(API_KEY_ITEM);
    return key ? { Authorization: `Bearer ${key}` } : {};
  }

  async function fetchJSON(url, accept = "application/json") {
    const response = await fetch(url, { headers: { Accept: accept, ...authHeaders() } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (_) {
        /* not a problem document */
      }
      throw new Error(`${url}: ${response.status} ${detail}`);
    }
    return response.json();
  }

  /** A literal's text; an IRI's local name in words (…#JointSphere → "Joint Sphere"). */
  function termLabel(term, unbound) {
    if (!term) return unbound;
    const value = String(term.value ?? "");
    if (term.type !== "uri") return value;
    const local = value.replace(/[#/]+$/, "").split(/[#/]/).pop() || value;
    return local.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, " ");
  }

  /** What a row shows for `variable`: its …Label companion if selected, else the term. */
  function valueLabel(row, variable, config) {
    return termLabel(row[variable + config.labelSuffix] || row[variable], config.unbound);
  }

  /**
   * Categories by series for a chart spec: {categories, series: [{name, values}]}.
   * `config` is /ui/config.json (series separator, label suffix, unbound text).
   */
  function chartData(spec, results, config) {
    const totals = new Map();
    const categories = [];
    const names = [];
    for (const row of results?.results?.bindings ?? []) {
      const category = valueLabel(row, spec.category, config);
      const name = spec.series.map((v) => valueLabel(row, v, config)).join(config.seriesSeparator);
      if (!categories.includes(category)) categories.push(category);
      if (!names.includes(name)) names.push(name);
      const key = JSON.stringify([category, name]);
      const value = Number(row[spec.value]?.value ?? 0) || 0;
      totals.set(key, (totals.get(key) ?? 0) + value);
    }
    return {
      categories,
      series: names.sort().map((name) => ({
        name: name || spec.value,
        values: categories.map((c) => totals.get(JSON.stringify([c, name])) ?? 0),
      })),
    };
  }

  return { authHeaders, fetchJSON, termLabel, chartData };
})();
