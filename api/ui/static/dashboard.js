/*
 * The dashboard: one Chart.js chart per entry of the chart table (/ui/config.json),
 * each drawn from its saved query's SPARQL JSON results (GET /api/queries/{name}).
 * The filters (firm, from, to) are passed to the queries that declare that parameter.
 */
"use strict";

(async () => {
  const { fetchJSON, chartData } = SparqlTerms;
  const SPARQL_JSON = "application/sparql-results+json";
  const board = document.getElementById("charts");
  const filters = [...document.querySelectorAll("[data-param]")];
  const firmPicker = document.getElementById("firm");
  const cardTemplate = document.getElementById("chart-card");
  const [config, queryList] = await Promise.all([
    fetchJSON("/ui/config.json"),
    fetchJSON("/api/queries").catch(() => []),
  ]);
  const queries = Object.fromEntries(queryList.map((q) => [q.name, q]));
  const takes = (name, param) => (queries[name]?.parameters || []).some((p) => p.name === param);
  const charts = new Map();

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation.duration = 300;

  function chartConfig(spec, data) {
    const line = spec.kind === "line";
    const stacked = spec.kind === "stacked" || spec.kind === "horizontal";
    const datasets = data.series.map((series, i) => {
      const colour = config.palette[i % config.palette.length];
      return {
        label: series.name,
        data: series.values,
        backgroundColor: colour,
        borderColor: colour,
        // Straight segments: a smoothed line would show values between months that
        // no month had.
        ...(line ? { tension: 0, pointRadius: 3, fill: false } : {}),
      };
    });
    return {
      type: line ? "line" : "bar",
      data: { labels: data.categories, datasets },
      options: {
        maintainAspectRatio: false,
        indexAxis: spec.kind === "horizontal" ? "y" : "x",
        scales: {
          x: { stacked, ticks: { autoSkip: true, maxRotation: 45 } },
          y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { display: datasets.length > 1, position: "top" } },
      },
    };
  }

  function card(spec) {
    const element = cardTemplate.content.firstElementChild.cloneNode(true);
    element.id = `chart-${spec.query}`;
    element.dataset.query = spec.query;
    element.querySelector("h2").textContent = queries[spec.query]?.title || spec.query;
    element.querySelector(".question").textContent = queries[spec.query]?.question || "";
    element.querySelector(".open-query").href = `/editor#saved=${encodeURIComponent(spec.query)}`;
    if (spec.kind === "horizontal") element.classList.add("tall");
    board.append(element);
    return element;
  }

  async function draw(spec, element) {
    const canvas = element.querySelector("canvas");
    const status = element.querySelector(".status");
    const params = new URLSearchParams();
    for (const filter of filters) {
      if (filter.value && takes(spec.query, filter.dataset.param)) {
        params.set(filter.dataset.param, filter.value);
      }
    }
    const period = ["from", "to"].map((name) => params.get(name));
    element.dataset.state = "loading";
    try {
      const url = `/api/queries/${encodeURIComponent(spec.query)}?${params}`;
      const data = chartData(spec, await fetchJSON(url, SPARQL_JSON), config, period);
      charts.get(spec.query)?.destroy();
      charts.delete(spec.query);
      const empty = !data.series.some((series) => series.values.some((v) => v));
      if (empty) {
        // No blank grid: say that nothing was recorded for what was asked.
        element.dataset.state = "empty";
        status.textContent = `Nothing recorded for ${selectionText()}: no chart to draw.`;
        return;
      }
      charts.set(spec.query, new Chart(canvas, chartConfig(spec, data)));
      element.dataset.state = "ready";
      status.textContent = "";
    } catch (error) {
      element.dataset.state = "error";
      status.textContent = `Could not load: ${error.message || error}`;
    }
  }

  /** The selection in words: "all firms" or the firm's name, and the period if any. */
  function selectionText() {
    const firm = firmPicker.isConnected && firmPicker.value
      ? firmPicker.selectedOptions[0].textContent
      : "all firms";
    const [from, to] = ["from", "to"].map((id) => document.getElementById(id)?.value);
    const period = from || to ? `, ${from || "the start"} to ${to || "today"}` : "";
    return firm + period;
  }

  async function drawAll(cards) {
    board.setAttribute("aria-busy", "true");
    await Promise.all(config.charts.map((spec, i) => draw(spec, cards[i])));
    board.setAttribute("aria-busy", "false");
  }

  const cards = config.charts.map(card);
  for (const filter of filters) {
    if (config.charts.some((spec) => takes(spec.query, filter.dataset.param))) {
      filter.addEventListener("change", () => drawAll(cards));
    } else {
      filter.closest(".filter").remove(); // no chart would follow it
    }
  }
  if (firmPicker.isConnected) {
    try {
      const firms = await fetchJSON("/api/firms?limit=500");
      for (const firm of firms.items || []) {
        firmPicker.append(new Option(firm.label || firm.id, firm.id));
      }
    } catch (_) {
      /* the picker keeps "all firms" */
    }
  }
  await drawAll(cards);
})();
