/*
 * The SPARQL editor: YASGUI on this server's /sparql endpoint, the CKM prefixes
 * preloaded, the saved queries (GET /api/queries) offered as examples. Opening
 * /editor#saved=<name> opens that saved query in a tab. A refused query or update is
 * shown in words above the results (the problem document's title and detail; a SHACL
 * refusal as a table of its results), and a syntax error's line is marked in the query.
 */
"use strict";

(async () => {
  const { fetchJSON } = SparqlTerms;
  const picker = document.getElementById("saved-queries");
  const question = document.getElementById("saved-question");
  const config = await fetchJSON("/ui/config.json");
  const endpoint = new URL(config.sparqlEndpoint, location.href).href;
  const prefixes = config.prefixes;

  const isComment = (line) => /^\s*(#|$)/.test(line);

  /**
   * `text` with a PREFIX line for each CKM prefix its query (not its comments) uses but
   * does not declare, put after the leading comment block.
   */
  function withPrefixes(text) {
    const lines = text.split("\n");
    const query = lines.filter((line) => !isComment(line)).join("\n");
    const missing = Object.entries(prefixes).filter(
      ([p]) =>
        new RegExp(`(^|[\\s(/^!,;.])${p}:`).test(query) &&
        !new RegExp(`PREFIX\\s+${p}:`, "i").test(query),
    );
    const start = lines.findIndex((line) => !isComment(line));
    const at = start < 0 ? lines.length : start;
    lines.splice(at, 0, ...missing.map(([p, iri]) => `PREFIX ${p}: <${iri}>`));
    return lines.join("\n");
  }

  const prologue = Object.entries(prefixes)
    .map(([p, iri]) => `PREFIX ${p}: <${iri}>`)
    .join("\n");
  const Yasqe = Yasgui.Yasqe;
  Yasqe.defaults.value = `${prologue}

# Customers and the firms they are customers of
SELECT ?customer ?label ?firm WHERE {
  ?customer a ckm:Customer ; rdfs:label ?label ; ckm:customerOf ?firm .
}
ORDER BY ?label
LIMIT 25
`;
  // Class and property completion would ask a service on the internet (LOV); prefix
  // completion offers the CKM prefixes from this server instead of prefix.cc.
  Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasqe.defaults.editorHeight = "360px";
  Yasqe.defaults.prefixCcApi = new URL("/ui/prefixes.json", location.href).href;

  Yasgui.Yasr.registerPlugin("chart", ResultChart.Plugin); // a chart of any SELECT
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    // A function: the key entered later in this tab is sent without a reload.
    requestConfig: { endpoint, method: "POST", headers: () => SparqlTerms.authHeaders() },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    persistenceId: "ckm-editor",
    yasr: { prefixes }, // results show ckm:Customer, xsd:integer… whatever the query declares
    populateFromUrl: false,
  });
  // Tabs kept from an earlier visit may name another server's endpoint.
  for (const id of Object.keys(yasgui._tabs)) {
    const tab = yasgui.getTab(id);
    if (tab && tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  }
  window.ckmEditor = yasgui; // for scripted use and the UI tests
  showProblems(yasgui);

  let saved = {};
  try {
    saved = Object.fromEntries((await fetchJSON("/api/queries")).map((q) => [q.name, q]));
  } catch (error) {
    picker.innerHTML = "";
    picker.append(new Option("saved queries unavailable", ""));
    question.textContent = String(error.message || error);
    return;
  }
  picker.innerHTML = "";
  picker.append(new Option(`${Object.keys(saved).length} saved queries…`, ""));
  for (const query of Object.values(saved)) {
    picker.append(new Option(query.title || query.name, query.name));
  }
  picker.disabled = false;

  function describe(query) {
    const parameters = (query.parameters || [])
      .map((p) => `${p.name}${p.default != null ? ` = ${p.default}` : ""}`)
      .join(", ");
    const note = parameters ? ` Parameters: ${parameters} (bind them in the VALUES clause).` : "";
    return `${query.question || ""}${note}`;
  }

  function open(name) {
    const query = saved[name];
    if (!query) return;
    question.textContent = describe(query);
    const title = query.title || query.name;
    const existing = Object.values(yasgui._tabs).find((t) => t.getName() === title);
    if (existing) {
      yasgui.selectTabId(existing.getId());
      return;
    }
    yasgui.addTab(true, {
      name: title,
      yasqe: { value: withPrefixes(query.sparql) },
      requestConfig: { endpoint },
    });
  }

  picker.addEventListener("change", () => open(picker.value));
  const wanted = new URLSearchParams(location.hash.slice(1)).get("saved");
  if (wanted) {
    picker.value = wanted;
    open(wanted);
  }
})();

/** Show each refused request of `yasgui` in #problem instead of YASR's raw text. */
function showProblems(yasgui) {
  const box = document.getElementById("problem");
  const frame = document.getElementById("yasgui");
  let unmark = [];

  function clear() {
    box.hidden = true;
    box.replaceChildren();
    frame.classList.remove("has-problem");
    for (const undo of unmark) undo();
    unmark = [];
  }

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text != null) made.textContent = String(text);
    if (className) made.className = className;
    return made;
  }

  /** The SHACL results as a table; a node that is a web IRI links to it. */
  function reportTable(results) {
    const table = element("table", null, "report");
    const head = table.createTHead().insertRow();
    for (const name of ["severity", "node", "property", "value", "message"]) {
      head.append(element("th", name));
    }
    const body = table.createTBody();
    for (const result of results) {
      const row = body.insertRow();
      row.append(element("td", result.severity));
      const node = element("td");
      if (/^https?:\/\//.test(result.focusNode || "")) {
        const link = element("a", result.focusNode);
        link.href = result.focusNode;
        link.target = "_blank";
        node.append(link);
      } else {
        node.textContent = result.focusNode || "";
      }
      row.append(node);
      row.append(element("td", result.resultPath || ""));
      row.append(element("td", result.value || ""));
      row.append(element("td", result.message || ""));
    }
    return table;
  }

  function mark(yasqe, line, column) {
    const at = line - 1;
    if (!yasqe || at < 0 || at >= yasqe.lineCount()) return;
    const ch = Math.max(0, (column || 1) - 1);
    yasqe.addLineClass(at, "background", "ckm-error-line");
    const marked = yasqe.markText(
      { line: at, ch },
      { line: at, ch: ch + 1 },
      { className: "ckm-error-at" },
    );
    yasqe.setCursor({ line: at, ch });
    unmark.push(() => {
      yasqe.removeLineClass(at, "background", "ckm-error-line");
      marked.clear();
    });
  }

  function show(tab) {
    clear();
    const results = tab.getYasr().results;
    if (!results || !results.hasError()) return;
    const error = results.getError() || {};
    let problem = null;
    try {
      problem = JSON.parse(error.text);
    } catch (_) {
      /* not a problem document: its text is the detail */
    }
    if (!problem || typeof problem !== "object") {
      problem = { title: error.statusText || "The request failed", detail: error.text || "" };
    }
    const title = [problem.status, problem.title || "Refused"].filter(Boolean).join(" ");
    box.append(element("h2", title), element("p", problem.detail || "", "detail"));
    const found = problem.report?.results;
    if (Array.isArray(found) && found.length) box.append(reportTable(found));
    if (problem.line) mark(tab.getYasqe(), problem.line, problem.column);
    box.hidden = false;
    frame.classList.add("has-problem");
  }

  yasgui.on("query", clear);
  yasgui.on("tabSelect", clear);
  // Emitted before YASR reads the response: look once it has.
  yasgui.on("queryResponse", (_yasgui, tab) => setTimeout(() => show(tab), 0));
}

