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
  // Class and property completion would ask a service on the internet (LOV); the
  // ckm: terms come from this server's ontology instead (/ui/terms.json), and prefix
  // completion offers the CKM prefixes from this server instead of prefix.cc.
  const vocabulary = await ontologyTerms(Yasqe);
  Yasqe.defaults.autocompleters = ["prefixes", "variables", "ckmTerms"];
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
  vocabulary.watch(yasgui);

  let saved = {};
  try {
    saved = Object.fromEntries((await fetchJSON("/api/queries")).map((q) => [q.name, q]));
  } catch (error) {
    picker.innerHTML = "";
    picker.append(new Option("saved queries unavailable", ""));
    question.textContent = String(error.message || error);
    return;
  }
  const search = document.getElementById("saved-search");
  const forms = savedQueryForms(saved, (text) => yasgui.getTab().getYasqe().setValue(withPrefixes(text)));

  /** The picker: the queries matching every word of `filter`, grouped by module. */
  function fill(filter) {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const all = Object.values(saved);
    const found = all.filter((q) =>
      words.every((w) => `${q.title} ${q.question} ${q.name} ${q.module}`.toLowerCase().includes(w)),
    );
    picker.innerHTML = "";
    const count = words.length ? `${found.length} of ${all.length}` : `${all.length}`;
    picker.append(new Option(`${count} saved queries…`, ""));
    const modules = new Map();
    for (const query of found) {
      if (!modules.has(query.module)) modules.set(query.module, []);
      modules.get(query.module).push(query);
    }
    for (const module of [...modules.keys()].sort()) {
      const group = document.createElement("optgroup");
      group.label = module;
      for (const query of modules.get(module)) group.append(new Option(query.title || query.name, query.name));
      picker.append(group);
    }
  }
  fill("");
  search.addEventListener("input", () => fill(search.value));
  picker.disabled = search.disabled = false;

  function open(name) {
    const query = saved[name];
    if (!query) return;
    question.textContent = query.question || "";
    forms.show(query);
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

/**
 * The form of a saved query's typed parameters beside the editor: a firm picker from
 * the store, dates, numbers, IRIs completed from the store's concepts and customers.
 * Filling it asks the server to bind the values (GET /api/queries/{name}?format=sparql:
 * typed and escaped there, never pasted into the text here) and puts the bound query in
 * the editor; a value the server refuses is said under the form.
 */
function savedQueryForms(saved, setQuery) {
  const { fetchJSON, authHeaders } = SparqlTerms;
  const form = document.getElementById("saved-form");
  const problem = document.getElementById("saved-form-error");
  const sources = document.getElementById("saved-sources");
  const known = document.getElementById("known-concepts");
  let current = null;
  let firms = null;
  let completed = false;

  async function firmList() {
    if (firms === null) {
      try {
        firms = (await fetchJSON("/api/firms?limit=500")).items || [];
      } catch (_) {
        firms = [];
      }
    }
    return firms;
  }

  /** IRIs offered for IRI parameters: the store's concepts and customers, by label. */
  async function complete() {
    if (completed) return;
    completed = true;
    const query =
      "SELECT ?iri ?label WHERE { { ?iri a skos:Concept ; skos:prefLabel ?label } " +
      "UNION { ?iri a ckm:Customer ; rdfs:label ?label } } ORDER BY ?label LIMIT 2000";
    try {
      const answer = await fetch("/sparql", {
        method: "POST",
        headers: { Accept: "application/sparql-results+json", ...authHeaders() },
        body: new URLSearchParams({ query }),
      });
      for (const row of (await answer.json()).results.bindings) {
        const option = document.createElement("option");
        option.value = row.iri.value;
        option.label = row.label.value;
        known.append(option);
      }
    } catch (_) {
      /* no completion: the field still takes any IRI */
    }
  }

  function field(parameter) {
    const input =
      parameter.datatype === "IRI" && parameter.name === "firm"
        ? document.createElement("select")
        : document.createElement("input");
    if (input.tagName === "SELECT") {
      input.append(new Option("any firm", ""));
      firmList().then((list) => {
        for (const firm of list) input.append(new Option(firm.label || firm.id, firm.id));
      });
    } else if (parameter.datatype === "xsd:date") {
      input.type = "date";
    } else if (parameter.datatype === "xsd:integer" || parameter.datatype === "xsd:decimal") {
      input.type = "number";
      input.step = parameter.datatype === "xsd:integer" ? "1" : "any";
    } else if (parameter.datatype === "IRI") {
      input.type = "url";
      input.placeholder = "an IRI";
      input.setAttribute("list", "known-concepts");
      complete();
    } else {
      input.type = "text";
    }
    if (parameter.default != null && input.tagName === "INPUT") {
      input.placeholder = `default: ${parameter.default}`;
    }
    input.id = `param-${parameter.name}`;
    input.name = parameter.name;
    return input;
  }

  async function bind() {
    if (!current) return;
    const params = new URLSearchParams({ format: "sparql" });
    for (const input of form.querySelectorAll("[name]")) {
      if (input.value.trim()) params.set(input.name, input.value.trim());
    }
    const url = `/api/queries/${encodeURIComponent(current.name)}?${params}`;
    const answer = await fetch(url, { headers: { Accept: "application/sparql-query", ...authHeaders() } });
    if (!answer.ok) {
      let detail = `${answer.status} ${answer.statusText}`;
      try {
        detail = (await answer.json()).detail || detail;
      } catch (_) {
        /* not a problem document */
      }
      problem.textContent = detail;
      form.dataset.state = "refused";
      return;
    }
    problem.textContent = "";
    form.dataset.state = "bound";
    setQuery(await answer.text());
  }

  function show(query) {
    current = query;
    form.replaceChildren();
    problem.textContent = "";
    delete form.dataset.state;
    for (const parameter of query.parameters || []) {
      const wrap = document.createElement("span");
      wrap.className = "param";
      const label = document.createElement("label");
      label.textContent = parameter.name;
      label.title = parameter.description || "";
      const input = field(parameter);
      label.htmlFor = input.id;
      const hint = document.createElement("small");
      hint.textContent = `${parameter.datatype}: ${parameter.description || ""}`;
      wrap.append(label, input, hint);
      form.append(wrap);
      input.addEventListener("change", bind);
    }
    form.hidden = !(query.parameters || []).length;
    const list = sources.querySelector("ul");
    list.replaceChildren(
      ...(query.sources || []).map((text) => {
        const item = document.createElement("li");
        item.textContent = text;
        return item;
      }),
    );
    sources.hidden = !(query.sources || []).length;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    bind();
  });
  return { show };
}

/**
 * The ckm: terms of this server's ontology in the editor: offered as you type a ckm:
 * name (Ctrl+Space too), each with its kind and label; a ckm: name the ontology does not
 * declare is underlined, its title saying which declared terms are nearest (the server
 * says, as it tells a write using a misspelt term: /ui/terms/near).
 */
async function ontologyTerms(Yasqe) {
  let terms = [];
  try {
    terms = (await SparqlTerms.fetchJSON("/ui/terms.json")).terms;
  } catch (_) {
    /* no completion; queries still run */
  }
  const byCurie = new Map(terms.map((term) => [term.curie, term]));
  const PNAME = /^ckm:[A-Za-z_][\w.-]*$/;

  Yasqe.registerAutocompleter({
    name: "ckmTerms",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: (yasqe) => /^ckm:/i.test(yasqe.getCompleteToken().string),
    get: (yasqe, token) => {
      const typed = token.string.replace(/^ckm:/i, "").toLowerCase();
      const starts = terms.filter((t) => t.curie.slice(4).toLowerCase().startsWith(typed));
      const named = typed.length >= 3
        ? terms.filter((t) => !starts.includes(t) && t.label.toLowerCase().includes(typed))
        : [];
      return [...starts, ...named].slice(0, 60).map((t) => t.curie);
    },
    postprocessHints: (yasqe, hints) =>
      hints.map((hint) => {
        const term = byCurie.get(hint.text);
        return term ? { ...hint, displayText: `${term.curie} — ${term.label || term.kind} (${term.kind})` } : hint;
      }),
  });

  const near = new Map();
  async function nearest(curie) {
    if (!near.has(curie)) {
      const url = `/ui/terms/near?term=${encodeURIComponent(curie)}`;
      near.set(curie, SparqlTerms.fetchJSON(url).then((a) => a.suggestions).catch(() => []));
    }
    return near.get(curie);
  }

  /** Underline the unknown ckm: names of the tab's query (not in comments or strings). */
  async function check(yasqe) {
    for (const mark of yasqe.getAllMarks()) if (mark.className === "ckm-unknown-term") mark.clear();
    if (!terms.length) return;
    const found = [];
    for (let line = 0; line < yasqe.lineCount(); line++) {
      for (const token of yasqe.getLineTokens(line)) {
        const type = token.type || ""; // YASQE's mode: "comment", "string"; a name: "string-2"
        const quoted = type.split(" ").some((t) => t === "comment" || t === "string");
        if (PNAME.test(token.string) && !quoted && !byCurie.has(token.string)) {
          found.push({ line, token });
        }
      }
    }
    for (const { line, token } of found) {
      const suggestions = await nearest(token.string);
      const hint = suggestions.length ? `; did you mean ${suggestions.join(" or ")}?` : "";
      yasqe.markText(
        { line, ch: token.start },
        { line, ch: token.end },
        { className: "ckm-unknown-term", title: `${token.string} is not a term of the CKM ontology${hint}` },
      );
    }
  }

  function watch(yasgui) {
    let timer = null;
    const soon = (yasqe) => {
      clearTimeout(timer);
      timer = setTimeout(() => check(yasqe), 300);
    };
    const follow = (tab) => {
      const yasqe = tab?.getYasqe();
      if (!yasqe || yasqe.ckmWatched) return;
      yasqe.ckmWatched = true;
      yasqe.on("change", () => soon(yasqe));
      soon(yasqe);
    };
    follow(yasgui.getTab());
    yasgui.on("tabSelect", (_yasgui, id) => setTimeout(() => follow(yasgui.getTab(id)), 0));
    yasgui.on("tabAdd", (_yasgui, id) => setTimeout(() => follow(yasgui.getTab(id)), 0));
  }

  return { watch, terms };
}

