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

  const MONTH = /^\d{4}-\d{2}/;

  /** Every month (YYYY-MM) from the earliest to the latest of `months` and the period's
   * `first` and `last` days (YYYY-MM-DD), as kg/reporting/charts.py every_month. */
  function everyMonth(months, first, last) {
    const found = [...months, first || "", last || ""]
      .filter((m) => MONTH.test(m))
      .map((m) => m.slice(0, 7))
      .sort();
    if (!found.length) return [];
    let [year, month] = found[0].split("-").map(Number);
    const end = found[found.length - 1];
    const axis = [];
    for (;;) {
      const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
      if (label > end) return axis;
      axis.push(label);
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
  }

  /**
   * Categories by series for a chart spec: {categories, series: [{name, values}]}.
   * `config` is /ui/config.json (series separator, label suffix, unbound text);
   * `period` the [from, to] days asked for, which a timeline's axis covers.
   */
  function chartData(spec, results, config, period = [null, null]) {
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
    if (spec.timeline) {
      const others = categories.filter((c) => !/^\d{4}-\d{2}$/.test(c));
      categories.splice(0, categories.length, ...everyMonth(categories, ...period), ...others);
    }
    return {
      categories,
      series: names.sort().map((name) => ({
        name: name || spec.value,
        values: categories.map((c) => totals.get(JSON.stringify([c, name])) ?? 0),
      })),
    };
  }

  return { authHeaders, fetchJSON, termLabel, everyMonth, chartData };
})();
