/*
 * A "Chart" view of SELECT results in the editor (a YASR plugin): the first column
 * names the bars, points or slices; every other column whose values are all numbers
 * is a series. Bar, line or pie, with the Chart.js this server serves. The table stays
 * the default view; the chart is one click away when the results have a number to draw.
 */
"use strict";

const ResultChart = (() => {
  const MOST = 500; // rows drawn; more would not read as a chart
  const NUMERIC = /#(integer|decimal|double|float|int|long|short|byte|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsignedLong|unsignedInt|unsignedShort|unsignedByte)$/;

  function isNumber(term) {
    if (!term || term.type === "uri" || term.type === "bnode") return false;
    if (term.datatype && NUMERIC.test(term.datatype)) return true;
    return term.value.trim() !== "" && Number.isFinite(Number(term.value));
  }

  /** The columns after the first whose every bound value is a number. */
  function numericColumns(variables, bindings) {
    return variables.slice(1).filter((name) => {
      const bound = bindings.map((row) => row[name]).filter(Boolean);
      return bound.length > 0 && bound.every(isNumber);
    });
  }

  class Plugin {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 1; // below the table: the table is what a result opens with
      this.label = "Chart";
      this.kind = "bar";
      this.chart = null;
    }

    canHandleResults() {
      const results = this.yasr.results;
      const variables = results?.getVariables?.() || [];
      const bindings = results?.getBindings?.() || [];
      return variables.length >= 2 && bindings.length > 0 && numericColumns(variables, bindings).length > 0;
    }

    getIcon() {
      const icon = document.createElement("span");
      icon.textContent = "▮▯▮";
      icon.setAttribute("aria-hidden", "true");
      return icon;
    }

    draw() {
      const results = this.yasr.results;
      const variables = results.getVariables();
      const rows = results.getBindings().slice(0, MOST);
      const series = numericColumns(variables, rows);
      const box = document.createElement("div");
      box.className = "result-chart";
      const picker = document.createElement("select");
      picker.setAttribute("aria-label", "chart kind");
      for (const kind of ["bar", "line", "pie"]) picker.append(new Option(kind, kind));
      picker.value = this.kind;
      const note = document.createElement("span");
      note.className = "result-chart-note";
      const total = results.getBindings().length;
      note.textContent = `${variables[0]} by ${series.join(", ")}` +
        (total > MOST ? ` (the first ${MOST} of ${total} rows)` : "");
      const frame = document.createElement("div");
      frame.className = "result-chart-canvas";
      const canvas = document.createElement("canvas");
      frame.append(canvas);
      box.append(picker, note, frame);
      this.yasr.resultsEl.append(box);
      const labels = rows.map((row) => SparqlTerms.termLabel(row[variables[0]], "(unbound)"));
      const values = (name) => rows.map((row) => (row[name] ? Number(row[name].value) : 0));
      const paint = () => {
        this.chart?.destroy();
        const pie = this.kind === "pie";
        const shown = pie ? series.slice(0, 1) : series; // a pie has one series
        this.chart = new Chart(canvas, {
          type: this.kind,
          data: {
            labels,
            datasets: shown.map((name) => ({ label: name, data: values(name), tension: 0 })),
          },
          options: {
            maintainAspectRatio: false,
            animation: false,
            scales: pie ? {} : { y: { beginAtZero: true } },
          },
        });
      };
      picker.addEventListener("change", () => {
        this.kind = picker.value;
        paint();
      });
      paint();
    }

    destroy() {
      this.chart?.destroy();
      this.chart = null;
    }
  }

  return { Plugin, numericColumns };
})();
