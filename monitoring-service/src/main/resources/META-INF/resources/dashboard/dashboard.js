// The monitoring dashboard: reads monitoring's JSON API (/api/v1/dashboard) every 10 s and draws
// it. No library, nothing fetched but the API: charts are drawn on <canvas> below. Every chart's
// canvas carries data-series and data-points (what it drew), and says "no data yet" when empty.
// The token comes from the URL fragment (#token=..., never sent to a server) or the token field,
// stays in this tab's sessionStorage, and goes as "Authorization: Bearer" on every API call.
'use strict';

(() => {
  const API = new URL('../api/v1/dashboard/', location.href);
  const REFRESH_MS = 10000;
  const TIMEOUT_MS = 20000;
  const KEYS = { token: 'aiaas.dashboard.token', project: 'aiaas.dashboard.project', endpoint: 'aiaas.dashboard.endpoint' };

  const $ = (selector, root = document) => root.querySelector(selector);
  const state = { endpoint: sessionStorage.getItem(KEYS.endpoint) || '', refreshing: false, refreshes: 0 };

  // ------------------------------------------------------------------ settings and the API

  /** Takes token, project and endpoint from the fragment; the token is then removed from the address. */
  function takeFragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const name of ['token', 'project', 'endpoint']) {
      if (params.has(name)) {
        remember(name, params.get(name));
      }
    }
    if (params.has('endpoint')) {
      state.endpoint = params.get('endpoint');
    }
    if (params.has('token')) {
      params.delete('token');
      const rest = params.toString();
      history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
    }
  }

  function remember(name, value) {
    if (value) {
      sessionStorage.setItem(KEYS[name], value);
    } else {
      sessionStorage.removeItem(KEYS[name]);
    }
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, params = {}) {
    const url = new URL(path, API);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, value);
      }
    }
    const headers = { Accept: 'application/json' };
    const token = sessionStorage.getItem(KEYS.token);
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    const project = sessionStorage.getItem(KEYS.project);
    if (project) {
      headers['aiaas-project'] = project;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(url, { headers, signal: abort.signal, cache: 'no-store', credentials: 'omit' });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiError(response.status, body && body.error ? body.error : 'HTTP ' + response.status);
      }
      return body;
    } catch (e) {
      if (e instanceof ApiError) {
        throw e;
      }
      throw new ApiError(0, e.name === 'AbortError' ? 'the API did not answer within 20 s'
        : 'the API could not be reached (' + e.message + ')');
    } finally {
      clearTimeout(timer);
    }
  }

  /** A promise's outcome, never a rejection: {ok, value} or {ok: false, error}. */
  const settle = (promise) => promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));

  // ------------------------------------------------------------------ formatting

  const pad2 = (n) => String(n).padStart(2, '0');

  function clock(ms, seconds = false) {
    const d = new Date(ms);
    return pad2(d.getHours()) + ':' + pad2(d.getMinutes()) + (seconds ? ':' + pad2(d.getSeconds()) : '');
  }

  function when(iso) {
    if (!iso) {
      return null;
    }
    const d = new Date(iso);
    return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()) + ' ' + clock(d.getTime(), true);
  }

  function num(value, digits = 3) {
    if (value === null || value === undefined || !Number.isFinite(value)) {
      return null;
    }
    const size = Math.abs(value);
    if (size !== 0 && (size < 0.001 || size >= 1e6)) {
      return value.toExponential(2);
    }
    return String(Number(value.toPrecision(digits)));
  }

  const count = (value) => (value === null || value === undefined ? null : Number(value).toLocaleString('en-US'));
  const percent = (share) => (share === null || share === undefined ? null : (share * 100).toFixed(1) + ' %');
  const ms = (seconds) => num(seconds * 1000);
  const versionName = (v) => v.model + ' v' + v.version;
  const roleName = (v) => versionName(v) + ' ' + v.role;

  // ------------------------------------------------------------------ tables

  /** A cell: text, or {text, className, numeric}; null or empty shows as a dash. */
  function cell(spec) {
    const td = document.createElement('td');
    const value = spec !== null && typeof spec === 'object' ? spec : { text: spec };
    const text = value.text === null || value.text === undefined || value.text === '' ? '—' : String(value.text);
    td.textContent = text;
    if (text === '—') {
      td.classList.add('none');
    }
    if (value.numeric) {
      td.classList.add('number');
    }
    if (value.className) {
      td.classList.add(value.className);
    }
    return td;
  }

  const n = (text) => ({ text, numeric: true });

  function fill(table, items, cells, emptyText) {
    const body = $('tbody', table);
    body.replaceChildren();
    if (!items.length) {
      const row = document.createElement('tr');
      const td = cell(emptyText);
      td.colSpan = $('thead tr', table).children.length;
      td.classList.add('none');
      row.append(td);
      body.append(row);
      return;
    }
    for (const item of items) {
      const row = document.createElement('tr');
      row.append(...cells(item).map(cell));
      body.append(row);
    }
  }

  function problem(section, message) {
    const p = $('.problem, .unavailable', section);
    p.textContent = message || '';
    p.hidden = !message;
  }

  // ------------------------------------------------------------------ charts

  // Okabe–Ito colours, told apart without colour by dash pattern and marker shape as well.
  const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8A6D00'];
  const DASHES = [[], [7, 4], [2, 3], [10, 3, 2, 3], [1, 3], [14, 5]];
  const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus', 'star'];
  const look = (i) => ({ colour: COLOURS[i % COLOURS.length], dash: DASHES[i % DASHES.length],
    marker: MARKERS[i % MARKERS.length] });

  function marker(ctx, shape, x, y, r, filled, colour) {
    ctx.save();
    ctx.setLineDash([]);
    ctx.strokeStyle = colour;
    ctx.fillStyle = filled ? colour : '#fff';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    switch (shape) {
      case 'square': ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
      case 'triangle': ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y + r); ctx.lineTo(x - r - 1, y + r); ctx.closePath(); break;
      case 'diamond': ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y); ctx.lineTo(x, y + r + 1); ctx.lineTo(x - r - 1, y); ctx.closePath(); break;
      case 'cross': ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); break;
      case 'plus': ctx.moveTo(x - r - 1, y); ctx.lineTo(x + r + 1, y); ctx.moveTo(x, y - r - 1); ctx.lineTo(x, y + r + 1); break;
      case 'star':
        for (let i = 0; i < 10; i++) {
          const a = -Math.PI / 2 + i * Math.PI / 5;
          const d = i % 2 ? r * 0.5 : r + 1;
          ctx[i ? 'lineTo' : 'moveTo'](x + d * Math.cos(a), y + d * Math.sin(a));
        }
        ctx.closePath();
        break;
      default: ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    if (shape !== 'cross' && shape !== 'plus') {
      ctx.fill();
    }
    ctx.stroke();
    ctx.restore();
  }

  /** Rounded steps for an axis from lo to hi: about five ticks, whole numbers for counts. */
  function ticks(lo, hi, counts) {
    const raw = (hi - lo) / 5;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const rounded = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
    const step = counts ? Math.max(1, Math.round(rounded)) : rounded;
    const first = Math.floor(lo / step) * step;
    const out = [];
    for (let v = first; v <= hi + step * 1e-9; v += step) {
      out.push(Number(v.toPrecision(12)));
    }
    return { step, values: out, lo: first, hi: Math.max(out[out.length - 1], hi) };
  }

  function scaled(canvas) {
    const w = Number(canvas.dataset.w || (canvas.dataset.w = canvas.getAttribute('width')));
    const h = Number(canvas.dataset.h || (canvas.dataset.h = canvas.getAttribute('height')));
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    return { ctx, w, h };
  }

  /**
   * Draws series of {x: epoch ms, y, mark} points as lines with markers; a marked point is drawn
   * filled and ringed (options.markLabel says what marked means); options.counts keeps the
   * axis to whole numbers. Sets data-series and data-points to what was drawn, and the legend.
   */
  function chart(id, series, options = {}) {
    const figure = document.getElementById(id);
    const canvas = $(':scope > canvas', figure);
    const empty = $(':scope > .empty', figure);
    const legend = $(':scope > .legend', figure);
    const caption = $(':scope > figcaption', figure).textContent;
    const drawn = series.map((s) => ({
      name: s.name,
      points: s.points.filter((p) => Number.isFinite(p.x) && p.y !== null && p.y !== undefined && Number.isFinite(p.y))
        .sort((a, b) => a.x - b.x),
    })).filter((s) => s.points.length > 0);
    const total = drawn.reduce((sum, s) => sum + s.points.length, 0);
    canvas.dataset.series = String(drawn.length);
    canvas.dataset.points = String(total);
    legend.replaceChildren();
    if (total === 0) {
      canvas.hidden = true;
      empty.hidden = false;
      canvas.setAttribute('aria-label', caption + ': no data yet');
      return;
    }
    canvas.hidden = false;
    empty.hidden = true;

    const { ctx, w, h } = scaled(canvas);
    const box = { left: 62, right: w - 12, top: 10, bottom: h - 28 };
    const xs = drawn.flatMap((s) => s.points.map((p) => p.x));
    const ys = drawn.flatMap((s) => s.points.map((p) => p.y));
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    if (x0 === x1) {
      x0 -= 30000;
      x1 += 30000;
    }
    let [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)];
    if (y0 === y1) {
      y1 = y0 + 1;
    }
    const yTicks = ticks(y0, y1, options.counts);
    [y0, y1] = [yTicks.lo, yTicks.hi];
    const px = (x) => box.left + (x - x0) / (x1 - x0) * (box.right - box.left);
    const py = (y) => box.bottom - (y - y0) / (y1 - y0) * (box.bottom - box.top);

    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#57606a';
    ctx.strokeStyle = '#e4e8ec';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of yTicks.values) {
      const y = py(v);
      ctx.beginPath();
      ctx.moveTo(box.left, y);
      ctx.lineTo(box.right, y);
      ctx.stroke();
      ctx.fillText(num(v, 4), box.left - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const withSeconds = x1 - x0 < 10 * 60000;
    for (let i = 0; i <= 4; i++) {
      const x = x0 + (x1 - x0) * i / 4;
      ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center'; // the end labels stay inside the canvas
      ctx.fillText(clock(x, withSeconds), px(x), box.bottom + 6);
    }
    ctx.strokeStyle = '#57606a';
    ctx.beginPath();
    ctx.moveTo(box.left, box.top);
    ctx.lineTo(box.left, box.bottom);
    ctx.lineTo(box.right, box.bottom);
    ctx.stroke();

    const radius = total > 400 ? 2 : 3;
    drawn.forEach((s, i) => {
      const { colour, dash, marker: shape } = look(i);
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      s.points.forEach((p, j) => ctx[j ? 'lineTo' : 'moveTo'](px(p.x), py(p.y)));
      ctx.stroke();
      ctx.restore();
      for (const p of s.points) {
        if (p.mark) {
          marker(ctx, 'circle', px(p.x), py(p.y), radius + 4, false, '#1b1f24');
          marker(ctx, shape, px(p.x), py(p.y), radius + 1, true, colour);
        } else {
          marker(ctx, shape, px(p.x), py(p.y), radius, false, colour);
        }
      }
      legend.append(legendItem(s.name, look(i)));
    });
    if (options.markLabel && drawn.some((s) => s.points.some((p) => p.mark))) {
      legend.append(legendItem(options.markLabel, { colour: '#1b1f24', dash: null, marker: 'circle', mark: true }));
    }
    const latest = drawn.map((s) => s.name + ' ' + num(s.points[s.points.length - 1].y)).join(', ');
    canvas.setAttribute('aria-label', caption + '. ' + drawn.length + ' series, ' + total + ' points; latest: ' + latest);
  }

  function legendItem(name, style) {
    const item = document.createElement('li');
    const swatch = document.createElement('canvas');
    swatch.setAttribute('width', '34');
    swatch.setAttribute('height', '14');
    swatch.setAttribute('aria-hidden', 'true');
    const { ctx } = scaled(swatch);
    if (style.dash) {
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(style.dash);
      ctx.beginPath();
      ctx.moveTo(1, 7);
      ctx.lineTo(33, 7);
      ctx.stroke();
    }
    if (style.mark) {
      marker(ctx, 'circle', 17, 7, 6, false, style.colour);
      marker(ctx, 'circle', 17, 7, 3, true, style.colour);
    } else {
      marker(ctx, style.marker, 17, 7, 3, false, style.colour);
    }
    const label = document.createElement('span');
    label.textContent = name;
    item.append(swatch, label);
    return item;
  }

  const at = (iso) => Date.parse(iso);

  // ------------------------------------------------------------------ sections

  function renderOverview(overview) {
    const endpoints = overview.endpoints.items;
    const picker = $('#endpoint');
    const names = endpoints.map((e) => e.endpoint);
    if (state.endpoint && !names.includes(state.endpoint)) {
      names.unshift(state.endpoint); // named in the address: keep it choosable
    }
    if (!state.endpoint && names.length) {
      const monitored = endpoints.find((e) => e.monitored);
      state.endpoint = monitored ? monitored.endpoint : names[0];
    }
    const current = Array.from(picker.options).map((o) => o.value);
    if (current.join('\n') !== names.join('\n')) {
      picker.replaceChildren(...(names.length ? names : ['']).map((name) => {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name || '(none yet)';
        return option;
      }));
    }
    picker.value = state.endpoint;

    const section = $('#endpoints-section');
    problem(section, overview.endpoints.unavailable
      ? 'Deployments are not shown: ' + overview.endpoints.unavailable : '');
    fill($('#endpoints-table'), endpoints, (e) => {
      const d = e.deployment;
      if (!d) {
        return [e.endpoint, null, null, null, null, 'not deployed (or serving did not say)', e.monitored ? 'yes' : 'no'];
      }
      return [e.endpoint, d.model, champion(d),
        d.challenger ? binding(d.challenger) + ' (' + d.challengerWeight + ' %)' : 'none',
        d.shadow ? binding(d.shadow) + ' (' + d.shadowShare + ' %)' : 'none',
        d.state + (d.message ? ': ' + d.message : ''), e.monitored ? 'yes' : 'no'];
    }, 'no endpoint yet');

    problem($('#models-section'), overview.models.unavailable
      ? 'Models are not shown: ' + overview.models.unavailable : '');
    const versions = overview.models.items.flatMap((m) => (m.versions.length ? m.versions : [null])
      .map((v) => ({ model: m, version: v })));
    fill($('#models-table'), versions, ({ model, version: v }) => {
      if (!v) {
        return [model.name, null, aliases(model.aliases), null, null, null, null, null, null];
      }
      const lineage = v.lineage || {};
      return [model.name, n('v' + v.version), v.aliases.join(', '), v.family,
        lineage.dataset ? lineage.dataset + ' v' + lineage.datasetVersion : null, lineage.pipeline,
        lineage.trainingJobId, Object.entries(v.metrics).map(([k, x]) => k + ' ' + num(x)).join(', '),
        when(v.createdAt)];
    }, 'no registered model');
  }

  const champion = (d) => (d.alias ? d.alias + ' → v' + d.servingVersion : 'v' + d.version)
    + (d.servingVersion && !d.alias && d.servingVersion !== d.version ? ' (serving v' + d.servingVersion + ')' : '');
  const binding = (b) => (b.alias ? b.alias + ' → v' + b.servingVersion : 'v' + b.version)
    + (b.state && b.state !== 'READY' ? ' ' + b.state + (b.message ? ': ' + b.message : '') : '');
  const aliases = (map) => Object.entries(map || {}).map(([k, v]) => k + ' → v' + v).join(', ');

  function renderTraffic(traffic) {
    const section = $('#traffic-section');
    const t = traffic.totals;
    $('.summary', section).textContent = count(t.requests) + ' requests, ' + count(t.errors) + ' errors ('
      + percent(t.errorRate) + '), p50 ' + ms(t.p50) + ' ms, p95 ' + ms(t.p95) + ' ms, p99 ' + ms(t.p99)
      + ' ms, in windows of ' + traffic.windowSeconds + ' s.';
    const points = (windows, y) => windows.map((w) => ({ x: at(w.start), y: y(w) }));
    chart('chart-latency', [
      { name: 'p50', points: points(traffic.windows, (w) => w.p50 * 1000) },
      { name: 'p99', points: points(traffic.windows, (w) => w.p99 * 1000) }]);
    chart('chart-throughput', [{ name: 'requests', points: points(traffic.windows, (w) => w.requests) }],
      { counts: true });
    chart('chart-errors', [{ name: 'errors', points: points(traffic.windows, (w) => w.errors) }], { counts: true });
    fill($('#versions-table'), traffic.versions, (v) => [versionName(v), v.role, n(count(v.totals.requests)),
      n(count(v.totals.errors)), n(percent(v.totals.errorRate)), n(ms(v.totals.p50)), n(ms(v.totals.p95)),
      n(ms(v.totals.p99))], 'no traffic in the range');
    chart('chart-version-latency', traffic.versions.map((v) => ({
      name: roleName(v), points: points(v.windows, (w) => w.p99 * 1000) })));
    chart('chart-version-throughput', traffic.versions.map((v) => ({
      name: roleName(v), points: points(v.windows, (w) => w.requests) })), { counts: true });
    chart('chart-version-errors', traffic.versions.map((v) => ({
      name: roleName(v), points: points(v.windows, (w) => w.errors) })), { counts: true });
  }

  function renderQuality(quality) {
    const classifier = quality.totals.some((v) => v.kind === 'classification') || !quality.totals.length;
    const series = new Map(quality.totals.map((v) => [roleName(v), []])); // in the totals' order
    for (const window of quality.windows) {
      for (const v of window.versions) {
        const name = roleName(v);
        if (!series.has(name)) {
          series.set(name, []);
        }
        series.get(name).push({ x: at(window.start), y: classifier ? v.accuracy : v.mse });
      }
    }
    $('#chart-quality > figcaption').textContent = (classifier ? 'Accuracy' : 'MSE')
      + ' per window, per version and role (requests with ground truth)';
    chart('chart-quality', Array.from(series, ([name, points]) => ({ name, points })));
    fill($('#quality-table'), quality.totals, (v) => [versionName(v), v.role, n(count(v.requests)), n(count(v.rows)),
      n(num(v.accuracy)), n(num(v.macroF1)), n(num(v.mse)), n(num(v.mae))], 'no ground truth in the range');
    fill($('#shadow-table'), quality.shadows, (s) => [s.model + ' v' + s.shadowVersion, n(count(s.paired)),
      n(percent(s.agreement)), n(count(s.labelled)),
      n(s.kind === 'classification' ? num(s.servedAccuracy) : num(s.servedMse)),
      n(s.kind === 'classification' ? num(s.shadowAccuracy) : num(s.shadowMse))], 'no shadow answered in the range');
  }

  function renderDrift(drift) {
    const section = $('#drift-section');
    const features = [];
    const series = new Map();
    for (const snapshot of drift.snapshots) {
      for (const f of snapshot.features) {
        if (!series.has(f.feature)) {
          features.push(f.feature);
          series.set(f.feature, []);
        }
        series.get(f.feature).push({ x: at(snapshot.takenAt), y: f.statistic, mark: f.drifted });
      }
    }
    chart('chart-drift', features.map((name) => ({ name, points: series.get(name) })),
      { markLabel: 'filled, ringed point: drifted' });
    const latest = drift.latest;
    $('.summary', section).textContent = latest
      ? 'Newest snapshot ' + when(latest.takenAt) + ' of ' + latest.model + ' v' + latest.version + ' over '
        + count(latest.sampleRows) + ' rows: ' + percent(latest.driftShare) + ' of the features drifted, so the input '
        + (latest.drifted ? 'DRIFTED' : 'did not drift') + (latest.prediction ? '; prediction drift '
        + num(latest.prediction.statistic) + ' by ' + latest.prediction.method
        + (latest.prediction.drifted ? ' (drifted)' : ' (no drift)') : '') + '.'
      : 'No drift snapshot in the range yet (one is taken each interval after sampled traffic).';
    fill($('#drift-table'), latest ? latest.features : [], (f) => [f.feature, f.kind, f.method, n(num(f.statistic)),
      n(num(f.pValue)), n(num(f.threshold)), n(num(f.psi)),
      { text: f.drifted ? 'yes' : 'no', className: f.drifted ? 'drifted-yes' : null }], 'no snapshot yet');
  }

  function renderAlerts(alerts) {
    fill($('#alerts-table'), alerts, (a) => [
      { text: a.state, className: a.state === 'FIRING' ? 'state-firing' : 'state-resolved' },
      a.endpoint, a.rule, a.kind, a.severity, n(num(a.value)), n(num(a.threshold)), when(a.startsAt),
      when(a.endsAt), a.description], 'no alert');
  }

  function renderDecisions(decisions) {
    fill($('#decisions-table'), decisions, (d) => [when(d.decidedAt), d.endpoint, d.action, d.reason,
      Object.entries(d.figures).map(([k, v]) => k + ' = ' + (v === null ? 'none' : num(v))).join('; '),
      d.model, n(d.championVersion ? 'v' + d.championVersion : null),
      n(d.challengerVersion ? 'v' + d.challengerVersion : null)], 'no decision yet');
  }

  /** Each endpoint section: where it is, how it is drawn, and its charts and tables (emptied when it cannot be read). */
  const SECTIONS = {
    traffic: { section: '#traffic-section', render: renderTraffic, tables: ['versions-table'],
      charts: ['chart-latency', 'chart-throughput', 'chart-errors', 'chart-version-latency',
        'chart-version-throughput', 'chart-version-errors'] },
    quality: { section: '#quality-section', render: renderQuality, tables: ['quality-table', 'shadow-table'],
      charts: ['chart-quality'] },
    drift: { section: '#drift-section', render: renderDrift, tables: ['drift-table'], charts: ['chart-drift'] },
  };

  function clear(part, reason) {
    part.charts.forEach((id) => chart(id, []));
    part.tables.forEach((id) => fill($('#' + id), [], () => [], reason));
    const summary = $('.summary', $(part.section));
    if (summary) {
      summary.textContent = '';
    }
  }

  // ------------------------------------------------------------------ refreshing

  async function refresh() {
    if (state.refreshing) {
      return;
    }
    state.refreshing = true;
    const refused = [];
    const note = (outcome, section, render) => {
      if (outcome.ok) {
        problem($(section), '');
        render(outcome.value);
        return true;
      }
      if (outcome.error.status === 401 || outcome.error.status === 403) {
        refused.push(outcome.error.message);
      }
      problem($(section), 'Could not load: ' + outcome.error.message);
      return false;
    };
    try {
      const overview = await settle(api('overview'));
      note(overview, '#endpoints-section', renderOverview);
      const range = { minutes: $('#minutes').value, window: $('#window').value };
      const endpoint = state.endpoint;
      for (const name of document.querySelectorAll('.endpoint-name')) {
        name.textContent = endpoint || 'no endpoint';
      }
      const [alerts, decisions, ...perEndpoint] = await Promise.all([
        settle(api('alerts')), settle(api('decisions')),
        ...(endpoint ? Object.keys(SECTIONS).map((part) =>
          settle(api('endpoints/' + encodeURIComponent(endpoint) + '/' + part, range))) : [])]);
      note(alerts, '#alerts-section', renderAlerts);
      note(decisions, '#decisions-section', renderDecisions);
      Object.values(SECTIONS).forEach((part, i) => {
        if (!endpoint) {
          problem($(part.section), '');
          clear(part, 'choose an endpoint');
        } else if (!note(perEndpoint[i], part.section, part.render)) {
          clear(part, 'no data yet');
        }
      });
      const status = $('#status');
      if (refused.length) {
        status.textContent = 'The API refused: ' + refused[0] + '. Give a token with a role in the project '
          + '(./aiaas token --project NAME --role viewer) in the Token field, or open the page as /dashboard/#token=…';
        status.classList.add('error');
      } else {
        status.textContent = 'Updated ' + clock(Date.now(), true) + (endpoint ? ' · endpoint ' + endpoint : '')
          + ' · refreshes every 10 s';
        status.classList.remove('error');
      }
    } finally {
      state.refreshing = false;
      state.refreshes += 1;
      document.body.dataset.refreshes = String(state.refreshes);
    }
  }

  function start() {
    takeFragment();
    const project = sessionStorage.getItem(KEYS.project);
    if (project) {
      $('#project').value = project;
    }
    $('#endpoint').addEventListener('change', (e) => {
      state.endpoint = e.target.value;
      remember('endpoint', state.endpoint);
      refresh();
    });
    for (const id of ['#minutes', '#window']) {
      $(id).addEventListener('change', () => refresh());
    }
    $('#controls').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('#token').value.trim();
      if (token) {
        remember('token', token);
        $('#token').value = '';
      }
      remember('project', $('#project').value.trim());
      refresh();
    });
    window.addEventListener('hashchange', () => {
      takeFragment();
      refresh();
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        refresh();
      }
    });
    setInterval(() => {
      if (!document.hidden) {
        refresh();
      }
    }, REFRESH_MS);
    refresh();
  }

  start();
})();
