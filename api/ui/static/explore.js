/*
 * The graph explorer: a resource and its neighbours (GET /api/neighbourhood) drawn with
 * cytoscape.js from this server. Nodes are labelled and coloured by their ckm: class,
 * literals are grey boxes; an inferred edge (OWL 2 RL, urn:ckm:graph:inferred) is
 * dashed. Clicking a node expands it; the details of a node or an edge (its graph, so
 * whether it was asserted or inferred) show beside the view. /explore?iri=<IRI> opens
 * on that resource.
 */
"use strict";

(async () => {
  const { fetchJSON } = SparqlTerms;
  const form = document.getElementById("explore");
  const input = document.getElementById("iri");
  const status = document.getElementById("status");
  const details = document.getElementById("details");
  const legend = document.getElementById("legend");
  const config = await fetchJSON("/ui/config.json");
  const colours = new Map(); // class IRI -> colour, in order of first sight
  const expanded = new Set();

  const cy = cytoscape({
    container: document.getElementById("graph"),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "background-color": "data(colour)",
          "font-size": 10,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
          "text-valign": "bottom",
          "text-margin-y": 4,
        },
      },
      { selector: "node.literal", style: { shape: "round-rectangle", "background-color": "#c8ccd2", width: 14, height: 10 } },
      { selector: "node.center", style: { "border-width": 3, "border-color": "#222" } },
      {
        selector: "edge",
        style: {
          label: "data(label)",
          "font-size": 8,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          width: 1.5,
          "line-color": "#8a93a1",
          "target-arrow-color": "#8a93a1",
          "text-rotation": "autorotate",
        },
      },
      { selector: "edge.inferred", style: { "line-style": "dashed", "line-color": "#E69F00", "target-arrow-color": "#E69F00" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#0072B2", "line-color": "#0072B2" } },
    ],
  });
  window.ckmExplorer = cy; // for scripted use and the UI tests

  function colour(type) {
    if (!type) return "#5b6474";
    if (!colours.has(type)) {
      colours.set(type, config.palette[colours.size % config.palette.length]);
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colours.get(type);
      item.append(swatch, document.createTextNode(type.replace(/^.*[#/]/, "ckm:")));
      legend.append(item);
    }
    return colours.get(type);
  }

  function add(answer) {
    const added = [];
    for (const node of answer.nodes) {
      if (cy.getElementById(node.id).nonempty()) continue;
      added.push({
        group: "nodes",
        data: { ...node, colour: colour(node.type) },
        classes: node.literal ? "literal" : "",
      });
    }
    for (const edge of answer.edges) {
      if (cy.getElementById(edge.id).nonempty()) continue;
      added.push({ group: "edges", data: edge, classes: edge.inferred ? "inferred" : "" });
    }
    cy.add(added);
    return added.length;
  }

  async function expand(iri) {
    if (expanded.has(iri)) return;
    status.textContent = `Loading the neighbours of ${iri}…`;
    try {
      const answer = await fetchJSON(`/api/neighbourhood?iri=${encodeURIComponent(iri)}`);
      expanded.add(iri);
      const count = add(answer);
      cy.getElementById(iri).addClass("center");
      cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 }).run();
      cy.fit(undefined, 30);
      const more = answer.truncated ? " (the first 300 edges)" : "";
      status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges; ${count} new${more}. Click a node to expand it.`;
      document.body.dataset.explorer = "ready";
    } catch (error) {
      status.textContent = String(error.message || error);
      document.body.dataset.explorer = "error";
    }
  }

  function show(rows) {
    details.replaceChildren();
    const list = document.createElement("dl");
    for (const [name, value, href] of rows) {
      const term = document.createElement("dt");
      term.textContent = name;
      const text = document.createElement("dd");
      if (href) {
        const link = document.createElement("a");
        link.href = href;
        link.textContent = value;
        text.append(link);
      } else {
        text.textContent = value;
      }
      list.append(term, text);
    }
    details.append(list);
  }

  cy.on("tap", "node", (event) => {
    const node = event.target.data();
    if (node.literal) {
      show([["value", node.label]]);
      return;
    }
    show([
      ["label", node.label],
      ["IRI", node.id, node.id],
      ["class", node.typeLabel || "(none asserted)"],
    ]);
    expand(node.id);
  });
  cy.on("tap", "edge", (event) => {
    const edge = event.target.data();
    const how = edge.inferred
      ? "inferred by the OWL 2 RL rules from the data and the ontology"
      : "asserted: written by a validated write";
    show([
      ["property", edge.label, edge.predicate],
      ["from", edge.source],
      ["to", edge.target],
      ["graph", edge.graph],
      ["provenance", how],
    ]);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const iri = input.value.trim();
    history.replaceState(null, "", `?iri=${encodeURIComponent(iri)}`);
    cy.elements().remove();
    expanded.clear();
    expand(iri);
  });
  const wanted = new URLSearchParams(location.search).get("iri");
  if (wanted) {
    input.value = wanted;
    expand(wanted);
  }
})();
