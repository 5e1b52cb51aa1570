// Streamlit's and Plotly's own interface in Swedish, and accessible (see interface.py, which
// defines HRDASH = {texts, patterns} before this script). Runs once per browser page; a
// MutationObserver then treats whatever Streamlit draws later, before the browser paints it.
(() => {
  if (window.hrdashInterface) return;
  window.hrdashInterface = true;

  const texts = new Map(Object.entries(HRDASH.texts));
  const patterns = HRDASH.patterns.map(([expression, replacement]) => [new RegExp(expression), replacement]);
  const ATTRIBUTES = ["aria-label", "title", "placeholder", "data-title", "aria-roledescription"];
  // Text the app itself wrote (markdown, figures, a table's cells) is never translated, nor the
  // names of icons drawn by the icon font; Streamlit's buttons and tooltips write their words as
  // markdown too.
  const OWN = ".js-plotly-plot, [data-testid=stDataFrame] table, [translate=no], script, style, svg";
  const isOwn = element => !!element.closest(OWN)
    || (!!element.closest("[data-testid=stMarkdownContainer]")
        && !element.closest("button, [data-testid=stTooltipContent]"));

  function swedish(value) {
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (texts.has(trimmed)) return value.replace(trimmed, texts.get(trimmed));
    for (const [expression, replacement] of patterns) {
      if (expression.test(trimmed)) return value.replace(trimmed, trimmed.replace(expression, replacement));
    }
    return null;
  }

  function translateText(node) {
    const parent = node.parentElement;
    if (!parent || isOwn(parent)) return;
    const translated = swedish(node.data);
    if (translated !== null && translated !== node.data) node.data = translated;
  }

  function translateAttributes(element) {
    if (element.closest(".js-plotly-plot") && !element.closest(".modebar")) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (!value) continue;
      const translated = swedish(value);
      if (translated !== null && translated !== value) element.setAttribute(name, translated);
    }
  }

  // Streamlit draws a Material icon in markdown (a badge, a caption) as role="img" named in
  // English after the icon ("warning icon"); beside its words it only decorates.
  function quietIcon(element) {
    if (element.getAttribute("role") === "img" && / icon$/.test(element.getAttribute("aria-label") || "")
        && element.closest("[data-testid=stMarkdownContainer]")) {
      element.removeAttribute("role");
      element.removeAttribute("aria-label");
      element.setAttribute("aria-hidden", "true");
    }
  }

  // A table's search box (st.dataframe's toolbar) has no name of its own.
  function nameSearchBox(element) {
    if (element.matches("input[id^=search-box]") && !element.getAttribute("aria-label")) {
      element.setAttribute("aria-label", "Sök i tabellen");
    }
  }

  // A plotly chart is a picture to a screen reader: name it after what it shows, and point to
  // the table of its numbers when one follows it. A line chart brings its words along
  // (layout.meta.description, from hrdash/charts/trend.py: the same words as the PDF's and the
  // slides'); a ranking is said from its bars.
  function describe(figure) {
    const given = figure.layout && figure.layout.meta && figure.layout.meta.description;
    if (given) return given;
    const bars = (figure.data || []).find(trace => trace.type === "bar" && Array.isArray(trace.y)) || {y: []};
    const heading = chartHeading(figure);
    let text = `Stapeldiagram${heading ? ", " + heading : ""}: ${bars.y.length} staplar, ${bars.y.join(", ")}.`;
    const shapes = (figure.layout && figure.layout.annotations) || [];
    const target = shapes.map(a => a.text).find(t => typeof t === "string" && t.startsWith("Mål"));
    if (target) text += ` ${target}.`;
    return text;
  }

  function chartHeading(figure) {
    const container = figure.closest("[data-testid=stElementContainer]");
    let element = container && container.previousElementSibling;
    for (let steps = 0; element && steps < 4; steps++, element = element.previousElementSibling) {
      const heading = element.querySelector("h1, h2, h3, h4");
      if (heading) return heading.textContent.trim();
    }
    return "";
  }

  // The chart's table follows it, after at most the captions that say what its limits take into account.
  function tableFollows(chart) {
    let next = chart.closest("[data-testid=stElementContainer]");
    for (let step = 0; step < 3 && next; step++) {
      next = next.nextElementSibling;
      if (next && next.querySelector("[data-testid=stExpander]")) {
        return /Siffrorna bakom diagrammet/.test(next.textContent);
      }
      if (next && !next.querySelector("[data-testid=stCaptionContainer]")) return false;
    }
    return false;
  }

  function labelChart(figure) {
    const chart = figure.closest("[data-testid=stPlotlyChart]") || figure;
    if (!figure.data) return;
    let label = "Diagram. " + describe(figure);
    if (tableFollows(chart)) label += " Siffrorna finns i tabellen ”Siffrorna bakom diagrammet” under diagrammet.";
    if (chart.getAttribute("aria-label") !== label) {
      chart.classList.add("hrdash-chart");
      chart.setAttribute("role", "img");
      chart.setAttribute("aria-label", label);
    }
  }

  function treat(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) translateText(walker.currentNode);
    for (const element of [root, ...root.querySelectorAll("*")]) {
      quietIcon(element);
      nameSearchBox(element);
      translateAttributes(element);
    }
  }

  const labelCharts = () => document.querySelectorAll(".js-plotly-plot").forEach(labelChart);

  function declareSwedish() {
    if (document.documentElement.lang !== "sv") document.documentElement.lang = "sv";
  }

  declareSwedish();
  treat(document.body);
  labelCharts();
  new MutationObserver(records => {
    declareSwedish();
    let added = false;
    for (const record of records) {
      if (record.type === "childList") {
        record.addedNodes.forEach(treat);
        added = added || record.addedNodes.length > 0;
      }
      else if (record.type === "characterData") translateText(record.target);
      else if (record.target !== document.documentElement) {
        quietIcon(record.target);
        translateAttributes(record.target);
      }
    }
    // A chart is drawn, or redrawn, in nodes added to it; its table may come after it.
    if (added) labelCharts();
  }).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: [...ATTRIBUTES, "lang", "role"],
  });
})();
