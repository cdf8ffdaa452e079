// The TermSync metrics dashboard. It calls the API's metric endpoints with the key the user enters and draws the
// figures with Chart.js. Text from the API reaches the page only through textContent, never as HTML.
"use strict";

(() => {
  const keyStorageName = "termsync.dashboard.apiKey";
  const vendorStorageName = "termsync.dashboard.vendorId";
  const trendPointCount = 12;
  const notAvailable = "n/a";
  const noCurrency = "\u2013";

  const byId = (id) => document.getElementById(id);
  const form = byId("query");
  const keyInput = byId("api-key");
  const vendorInput = byId("vendor-id");
  const asOfInput = byId("as-of");
  const windowInput = byId("window-days");
  const statusLine = byId("status");
  const submitButton = form.querySelector("button[type=submit]");
  const charts = [];

  // A failed API call, with the problem details' detail text when the response had one.
  class ApiError extends Error {
    constructor(status, detail) {
      super(detail ? `${status}: ${detail}` : `the API returned ${status}`);
      this.status = status;
      this.detail = detail;
    }
  }

  // Numbers arrive as JSON numbers, so they are doubles here. Display rounds them to two decimals, which is exact for
  // values of up to 15 significant digits.
  // NOTE: an amount with more than 15 significant digits would show rounded.
  const decimalFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

  function formatDecimal(value) {
    return typeof value === "number" ? decimalFormat.format(value) : notAvailable;
  }

  function formatCount(value) {
    return typeof value === "number" ? countFormat.format(value) : notAvailable;
  }

  function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  // Dates are ISO calendar dates (YYYY-MM-DD) handled in UTC, so no time zone shifts them.
  function parseDate(text) {
    const [year, month, day] = text.split("-").map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }

  function formatDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function todayUtc() {
    return formatDate(new Date());
  }

  // Returns the ends of the months before the as-of date's month, oldest first, followed by the as-of date itself.
  function trendDates(asOf) {
    const end = parseDate(asOf);
    const dates = [];
    for (let monthsBack = trendPointCount - 1; monthsBack >= 1; monthsBack--) {
      // Day 0 of a month is the last day of the month before it.
      dates.push(formatDate(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - monthsBack + 1, 0))));
    }

    dates.push(asOf);
    return dates;
  }

  async function getJson(path, key) {
    const response = await fetch(path, {
      headers: { Authorization: `Bearer ${key}`, Accept: "application/json" },
      cache: "no-store",
      credentials: "omit",
    });
    if (response.ok) {
      return response.json();
    }

    let detail = null;
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      const problem = await response.json().catch(() => null);
      detail = problem && typeof problem.detail === "string" ? problem.detail : null;
    }

    throw new ApiError(response.status, detail);
  }

  function metricQuery(asOf, windowDays) {
    return `?asOf=${encodeURIComponent(asOf)}&windowDays=${encodeURIComponent(windowDays)}`;
  }

  // Reads receivables figures at every date. An endpoint this API does not serve (404 without problem details)
  // gives null, so the page draws what exists.
  async function loadReceivables(pathOf, dates, windowDays, key) {
    try {
      const responses = await Promise.all(dates.map((date) => getJson(pathOf(date) + metricQuery(date, windowDays), key)));
      return responses.map(receivablesList);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && !error.detail) {
        return null;
      }

      throw error;
    }
  }

  // A receivables response is a list of per-currency figures, either bare or as the first list property of an object.
  function receivablesList(body) {
    if (Array.isArray(body)) {
      return body;
    }

    const list = body && Object.values(body).find(Array.isArray);
    return list || [];
  }

  // Groups receivables points by currency: currency -> array with one entry per date, null where that date has none.
  function byCurrency(points) {
    const groups = new Map();
    points.forEach((list, index) => {
      for (const metrics of list) {
        const currency = metrics.scope.currency;
        if (!groups.has(currency)) {
          groups.set(currency, new Array(points.length).fill(null));
        }

        groups.get(currency)[index] = metrics;
      }
    });
    return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  function clearOutput() {
    while (charts.length > 0) {
      charts.pop().destroy();
    }

    for (const id of ["summary-rows", "aging-charts", "dso-charts", "dispute-rate-charts", "response-time-charts"]) {
      byId(id).replaceChildren();
    }

    for (const id of ["aging-note", "dso-note", "dispute-rate-note", "response-time-note"]) {
      byId(id).textContent = "";
    }

    for (const id of ["summary", "aging", "dso", "dispute-rate", "response-time"]) {
      byId(id).hidden = true;
    }
  }

  function addSummaryRow(figureId, label, value, currency, asOf, windowDays) {
    const row = document.createElement("tr");
    row.dataset.figure = figureId;
    const cells = [label, value, currency || noCurrency, asOf, String(windowDays)];
    cells.forEach((text, index) => {
      const cell = document.createElement(index === 0 ? "th" : "td");
      if (index === 0) {
        cell.scope = "row";
      }

      if (index === 1) {
        cell.className = "value";
      }

      cell.textContent = text;
      row.append(cell);
    });
    byId("summary-rows").append(row);
    byId("summary").hidden = false;
  }

  function showNote(sectionId, text) {
    byId(`${sectionId}-note`).textContent = text;
    byId(sectionId).hidden = false;
  }

  // Adds a figure with a caption and a canvas to a section and draws a Chart.js chart on it.
  function addChart(sectionId, chartId, caption, config) {
    const figure = document.createElement("figure");
    const title = document.createElement("figcaption");
    title.textContent = caption;
    const box = document.createElement("div");
    box.className = "chart-box";
    const canvas = document.createElement("canvas");
    canvas.id = chartId;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", caption);
    box.append(canvas);
    figure.append(title, box);
    byId(`${sectionId}-charts`).append(figure);
    byId(sectionId).hidden = false;

    config.options = {
      animation: false,
      maintainAspectRatio: false,
      spanGaps: false,
      ...config.options,
    };
    charts.push(new window.Chart(canvas, config));
  }

  function lineChart(dates, datasets, yTitle) {
    return {
      type: "line",
      data: { labels: dates, datasets: datasets.map((dataset) => ({ pointRadius: 3, ...dataset })) },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } }, x: { title: { display: true, text: "as of" } } } },
    };
  }

  function drawAging(latest, asOf, windowDays) {
    if (latest.size === 0) {
      showNote("aging", `No receivables as of ${asOf}.`);
      return;
    }

    for (const [currency, metrics] of latest) {
      const aging = metrics.aging;
      const buckets = [aging.current, aging.days1To30, aging.days31To60, aging.days61To90, aging.days91Plus];
      addChart("aging", `aging-${currency}`, `Open receivables by days past due in ${currency} as of ${asOf}`, {
        type: "bar",
        data: {
          labels: ["Current", "1\u201330", "31\u201360", "61\u201390", "91+"],
          datasets: [{ label: `Open amount (${currency})`, data: buckets.map((bucket) => bucket.amount) }],
        },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: currency } } } },
      });
      addSummaryRow(`total-ar-${currency}`, "Total AR", formatDecimal(aging.totalAr), currency, asOf, windowDays);
      addSummaryRow(`current-ar-${currency}`, "Current AR", formatDecimal(aging.currentAr), currency, asOf, windowDays);
      addSummaryRow(`open-invoices-${currency}`, "Open invoices", formatCount(aging.openInvoiceCount), currency, asOf, windowDays);
    }
  }

  function drawDso(groups, dates, windowDays) {
    const asOf = dates[dates.length - 1];
    if (groups.size === 0) {
      showNote("dso", `No receivables in the ${trendPointCount} points up to ${asOf}.`);
      return;
    }

    for (const [currency, points] of groups) {
      const series = (field) => points.map((metrics) => (metrics ? metrics.dso[field] : null));
      addChart("dso", `dso-${currency}`, `DSO, BPDSO and ADD in days, ${currency}, ${windowDays}-day window, up to ${asOf}`, lineChart(dates, [
        { label: "DSO", data: series("dso") },
        { label: "BPDSO", data: series("bestPossibleDso") },
        { label: "ADD", data: series("averageDaysDelinquent") },
      ], "days"));

      const latest = points[points.length - 1];
      const dso = latest ? latest.dso : {};
      addSummaryRow(`dso-${currency}`, "DSO (days)", formatDecimal(dso.dso), currency, asOf, windowDays);
      addSummaryRow(`bpdso-${currency}`, "BPDSO (days)", formatDecimal(dso.bestPossibleDso), currency, asOf, windowDays);
      addSummaryRow(`add-${currency}`, "ADD (days)", formatDecimal(dso.averageDaysDelinquent), currency, asOf, windowDays);
      addSummaryRow(`countback-dso-${currency}`, "Countback DSO (days)", formatDecimal(dso.countbackDso), currency, asOf, windowDays);
    }
  }

  function drawNetworkDisputeRate(groups, dates, windowDays) {
    const asOf = dates[dates.length - 1];
    if (groups.size === 0) {
      showNote("dispute-rate", `No receivables in the ${trendPointCount} points up to ${asOf}.`);
      return;
    }

    const datasets = [...groups].map(([currency, points]) => ({
      label: `Dispute rate (${currency} invoices)`,
      data: points.map((metrics) => (metrics ? metrics.disputeRate.disputeRatePercent : null)),
    }));
    addChart("dispute-rate", "dispute-rate-network", `Dispute rate in percent, ${windowDays}-day window, up to ${asOf}`, lineChart(dates, datasets, "%"));
    for (const [currency, points] of groups) {
      const latest = points[points.length - 1];
      addSummaryRow(`dispute-rate-${currency}`, "Dispute rate (%)", formatDecimal(latest ? latest.disputeRate.disputeRatePercent : null), currency, asOf, windowDays);
    }
  }

  function drawVendorDisputeRate(points, dates, windowDays) {
    const asOf = dates[dates.length - 1];
    addChart("dispute-rate", "dispute-rate-vendor", `Dispute rate in percent, ${windowDays}-day window, up to ${asOf}`,
      lineChart(dates, [{ label: "Dispute rate", data: points.map((figures) => figures.disputeRatePercent) }], "%"));

    const latest = points[points.length - 1];
    addSummaryRow("dispute-rate", "Dispute rate (%)", formatDecimal(latest.disputeRatePercent), null, asOf, windowDays);
    addSummaryRow("invoice-accuracy", "Invoice accuracy (%)", formatDecimal(latest.invoiceAccuracyPercent), null, asOf, windowDays);
    addSummaryRow("issued-invoices", "Invoices issued in the window", formatCount(latest.issuedCount), null, asOf, windowDays);
  }

  function drawResponseTime(points, dates, windowDays) {
    const asOf = dates[dates.length - 1];
    addChart("response-time", "response-time-vendor", `First response in hours, ${windowDays}-day window, up to ${asOf}`, lineChart(dates, [
      { label: "Median (calendar)", data: points.map((figures) => figures.firstResponseCalendar.medianHours) },
      { label: "90th percentile (calendar)", data: points.map((figures) => figures.firstResponseCalendar.p90Hours) },
      { label: "Median (business hours)", data: points.map((figures) => figures.firstResponseBusiness.medianHours) },
    ], "hours"));

    const latest = points[points.length - 1];
    addSummaryRow("first-response-median", "First response, median (calendar hours)", formatDecimal(latest.firstResponseCalendar.medianHours), null, asOf, windowDays);
    addSummaryRow("first-response-p90", "First response, 90th percentile (calendar hours)", formatDecimal(latest.firstResponseCalendar.p90Hours), null, asOf, windowDays);
    addSummaryRow("first-response-business-median", "First response, median (business hours)", formatDecimal(latest.firstResponseBusiness.medianHours), null, asOf, windowDays);
    addSummaryRow("answered-conversations", "Answered conversations", formatCount(latest.firstResponseCalendar.count), null, asOf, windowDays);
    addSummaryRow("unanswered-conversations", "Unanswered conversations", formatCount(latest.unansweredCount), null, asOf, windowDays);
  }

  function drawReceivables(points, dates, windowDays) {
    const asOf = dates[dates.length - 1];
    if (points === null) {
      const text = "This API serves no receivables figures, so aging and DSO are not shown.";
      showNote("aging", text);
      showNote("dso", text);
      return null;
    }

    const groups = byCurrency(points);
    const latest = new Map([...groups].filter(([, series]) => series[series.length - 1] !== null).map(([currency, series]) => [currency, series[series.length - 1]]));
    drawAging(latest, asOf, windowDays);
    drawDso(groups, dates, windowDays);
    return groups;
  }

  async function showVendor(key, vendorId, requestedAsOf, windowDays) {
    const base = `/vendors/${encodeURIComponent(vendorId)}/metrics`;

    // Without an as-of date the API takes today in the vendor's time zone and returns that date.
    const asOf = requestedAsOf || (await getJson(`${base}/response-time?windowDays=${windowDays}`, key)).asOf;
    const dates = trendDates(asOf);
    setStatus(`Loading vendor ${vendorId} as of ${asOf}\u2026`);

    const [responseTimes, accuracy, receivables] = await Promise.all([
      Promise.all(dates.map((date) => getJson(`${base}/response-time${metricQuery(date, windowDays)}`, key))),
      Promise.all(dates.map((date) => getJson(`${base}/invoice-accuracy${metricQuery(date, windowDays)}`, key))),
      loadReceivables(() => `${base}/receivables`, dates, windowDays, key),
    ]);

    clearOutput();
    byId("summary-heading").textContent = `Vendor ${vendorId} as of ${asOf}`;
    drawResponseTime(responseTimes, dates, windowDays);
    drawVendorDisputeRate(accuracy, dates, windowDays);
    drawReceivables(receivables, dates, windowDays);
    return asOf;
  }

  async function showNetwork(key, requestedAsOf, windowDays) {
    const asOf = requestedAsOf || todayUtc();
    const dates = trendDates(asOf);
    setStatus(`Loading the network as of ${asOf}\u2026`);

    const receivables = await loadReceivables(() => "/metrics/network/receivables", dates, windowDays, key);

    clearOutput();
    byId("summary-heading").textContent = `Network as of ${asOf}`;
    const groups = drawReceivables(receivables, dates, windowDays);
    if (groups === null) {
      showNote("dispute-rate", "This API serves no network receivables figures, so the network dispute rate is not shown.");
    } else {
      drawNetworkDisputeRate(groups, dates, windowDays);
    }

    showNote("response-time", "The API has no network-wide response-time figures; choose one vendor to see them.");
    return asOf;
  }

  function selectedScope() {
    return form.querySelector("input[name=scope]:checked").value;
  }

  function updateScope() {
    vendorInput.disabled = selectedScope() !== "vendor";
    vendorInput.required = !vendorInput.disabled;
  }

  async function onSubmit(event) {
    event.preventDefault();
    const key = keyInput.value.trim();
    const vendorId = vendorInput.value.trim();
    const windowDays = Number.parseInt(windowInput.value, 10);
    sessionStorage.setItem(keyStorageName, key);
    sessionStorage.setItem(vendorStorageName, vendorId);

    // One load at a time, so a slow earlier load cannot draw over a later one.
    submitButton.disabled = true;
    try {
      const asOf = selectedScope() === "vendor"
        ? await showVendor(key, vendorId, asOfInput.value, windowDays)
        : await showNetwork(key, asOfInput.value, windowDays);
      asOfInput.value = asOf;
      setStatus(`Figures as of ${asOf}.`);
    } catch (error) {
      clearOutput();
      setStatus(error instanceof ApiError ? `The request failed (${error.message}).` : `Loading failed: ${error.message}`, true);
    } finally {
      submitButton.disabled = false;
    }
  }

  keyInput.value = sessionStorage.getItem(keyStorageName) || "";
  vendorInput.value = sessionStorage.getItem(vendorStorageName) || "";
  form.addEventListener("submit", onSubmit);
  form.addEventListener("change", updateScope);
  byId("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(keyStorageName);
    keyInput.value = "";
    setStatus("The key is forgotten.");
  });
  updateScope();
})();
