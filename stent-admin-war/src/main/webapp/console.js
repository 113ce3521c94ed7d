'use strict';
// Every value from the server is inserted with textContent, never as HTML.
let session = { admin: false, csrfToken: '' };

async function api(path, options = {}) {
  const headers = Object.assign({ 'X-Stent-Console': '1' }, options.headers || {});
  if (options.method && options.method !== 'GET') headers['X-Stent-Csrf'] = session.csrfToken;
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  if (response.status === 401) {
    location.href = 'login.html';
    throw new Error('not logged in');
  }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error((body && (body.code + ' ' + body.detail)) || response.statusText);
  return body;
}

function say(text, isError) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.className = isError ? 'error' : '';
}

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function button(parent, label, action, cls) {
  const b = document.createElement('button');
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener('click', event => { event.stopPropagation(); action(); });
  parent.appendChild(b);
  return b;
}

async function act(confirmText, work, done) {
  if (!confirm(confirmText)) return;
  try {
    const result = await work();
    say(JSON.stringify(result));
    if (done) await done();
    await loadAudit();
  } catch (e) {
    say(e.message, true);
  }
}

let executionsShown = 0; // answers to older searches that arrive late are dropped
let executionsRendered = ''; // the rows are rebuilt only when the answer changed

async function loadExecutions() {
  const request = ++executionsShown;
  const status = document.getElementById('status').value;
  const search = document.getElementById('search').value.trim();
  const fn = document.getElementById('function').value.trim();
  const version = document.getElementById('version').value.trim();
  const longer = document.getElementById('running-longer').value;
  const query = 'limit=100' + (status ? '&status=' + encodeURIComponent(status) : '')
    + (search ? '&search=' + encodeURIComponent(search) : '') + (fn ? '&function=' + encodeURIComponent(fn) : '')
    + (version ? '&version=' + encodeURIComponent(version) : '')
    + (longer ? '&runningLongerThan=' + encodeURIComponent(longer) : '');
  const body = document.getElementById('executions');
  try {
    const page = await api('api/executions?' + query);
    if (request !== executionsShown) return;
    const rendered = query + JSON.stringify(page.items);
    if (rendered === executionsRendered) return;
    executionsRendered = rendered;
    body.replaceChildren();
    for (const e of page.items) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.id = e.id;
      cell(row, e.createdAt); cell(row, e.function + ' v' + e.version); cell(row, e.status, e.status);
      cell(row, e.attempts); cell(row, e.steps + (e.lastStep ? ' (' + e.lastStep + ')' : ''));
      cell(row, e.errorClass ? e.errorClass + ': ' + (e.errorMessage ?? '') : '', 'FAILED'); cell(row, e.id);
      row.addEventListener('click', () => { location.hash = 'execution/' + encodeURIComponent(e.id); });
    }
  } catch (e) {
    say(e.message, true);
  }
}

// Frames of the server, the container and Stent itself, folded so that the application's frames stand out.
const FRAMEWORK = /^\s*at (java\.base\/|jdk\.|sun\.|org\.jboss\.weld\.|org\.glassfish\.|com\.sun\.|io\.stent\.(engine|cdi)\.|jakarta\.|org\.eclipse\.)/;

const PROXY = /\$Proxy\$_\$\$_Weld|\$\$super\(/;

function readableError(text) {
  let error;
  try { error = JSON.parse(text); } catch (e) { return text; }
  if (!error || typeof error !== 'object') return text;
  const lines = [];
  const describe = e => {
    lines.push((e.className || 'error') + ': ' + (e.message ?? ''));
    let folded = 0;
    for (const frame of String(e.stackTrace || '').split('\n').slice(1)) {
      if (!frame.trim()) continue;
      if (FRAMEWORK.test(frame) || PROXY.test(frame)) { folded++; continue; }
      if (folded) { lines.push('    … ' + folded + ' framework frames'); folded = 0; }
      lines.push(/^\s*at /.test(frame) ? '  ' + frame.trim() : frame.trim());
    }
    if (folded) lines.push('    … ' + folded + ' framework frames');
  };
  describe(error, '');
  const fields = error.fields && Object.keys(error.fields).length ? JSON.stringify(error.fields) : '';
  if (fields) lines.push('fields: ' + fields);
  return lines.join('\n');
}

function cutNote(id, name, value, chars) {
  return value != null && value.length < chars
    ? ' … (cut at ' + value.length + ' of ' + chars + ' characters; api/executions/' + id + '/' + name + ' has it all)'
    : '';
}

async function show(id) {
  try {
    const data = await api('api/executions/' + encodeURIComponent(id));
    document.getElementById('detail').hidden = false;
    document.getElementById('detail-id').textContent = id;
    const e = Object.assign({}, data.summary, data);
    document.getElementById('detail-summary').textContent =
      'status: ' + e.status + '\nfunction: ' + e.function + '\nidempotency key: ' + (e.idempotencyKey ?? '')
      + '\narguments: ' + e.arguments + cutNote(id, 'arguments', e.arguments, e.argumentsChars)
      + '\nresult: ' + (e.result ?? '') + cutNote(id, 'result', e.result, e.resultChars)
      + (e.error ? '\nerror: ' + (e.error.length < e.errorChars ? e.error : readableError(e.error))
        + cutNote(id, 'error', e.error, e.errorChars) : '');
    document.getElementById('detail').dataset.id = id;
    const stuck = data.tasks.filter(t => t.health !== 'OK');
    const banner = document.getElementById('stuck');
    banner.hidden = stuck.length === 0;
    banner.textContent = stuck.length ? 'Stuck: ' + stuck.map(t => t.kind + ' ' + t.health).join(', ') : '';
    const tasks = document.getElementById('tasks');
    tasks.replaceChildren();
    for (const t of data.tasks) {
      const row = tasks.insertRow();
      cell(row, t.kind + ' ' + t.function); cell(row, t.status, t.status);
      cell(row, t.health, t.health === 'OK' ? 'COMPLETED' : 'FAILED'); cell(row, t.runAt);
      cell(row, t.attempt + (t.requeues ? ' (' + t.requeues + ' requeues)' : '')); cell(row, t.leaseOwner);
      cell(row, t.leaseExpiresAt); cell(row, t.ownerHeartbeatAt);
    }
    drawTimeline(document.getElementById('timeline'), e, data.steps, data.tasks);
    const body = document.getElementById('steps');
    body.replaceChildren();
    const addSteps = steps => {
      for (const s of steps) {
        const row = body.insertRow();
        cell(row, s.parentPath ? s.parentPath + '.' + s.seq : s.seq); cell(row, s.function);
        cell(row, s.status, s.status); cell(row, s.attempts); cell(row, s.durationMillis); cell(row, s.output);
      }
    };
    addSteps(data.steps);
    let shown = data.steps.length;
    if (data.moreSteps) {
      const more = cell(body.insertRow(), '');
      button(more, 'More steps', async () => {
        const page = await api('api/executions/' + encodeURIComponent(id) + '/steps?limit=200&offset=' + shown);
        more.parentElement.remove();
        addSteps(page.items);
        shown += page.items.length;
        if (page.hasMore) say('more steps remain: open the execution again to page on');
      });
    }
  } catch (e) {
    say(e.message, true);
  }
}

function deadLetterFilter() {
  const parts = [];
  for (const [id, name] of [['dlq-function', 'function'], ['dlq-queue', 'queue'], ['dlq-error-class', 'errorClass']]) {
    const value = document.getElementById(id).value.trim();
    if (value) parts.push(name + '=' + encodeURIComponent(value));
  }
  return parts.join('&');
}

async function loadDeadLetters() {
  const replayed = document.getElementById('dlq-replayed').checked;
  const query = 'limit=100&' + deadLetterFilter() + (replayed ? '&includeReplayed=true' : '');
  const body = document.getElementById('dead-letters');
  try {
    const page = await api('api/dead-letters?' + query);
    body.replaceChildren();
    for (const d of page.items) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.id = d.id;
      cell(row, d.failedAt); cell(row, d.function);
      cell(row, d.errorClass + ': ' + (d.errorMessage ?? ''), 'FAILED');
      cell(row, d.attempts); cell(row, d.replayCount);
      const execution = cell(row, '');
      const link = document.createElement('a');
      link.href = '#execution/' + encodeURIComponent(d.executionId);
      link.textContent = d.executionId;
      link.addEventListener('click', event => event.stopPropagation());
      execution.appendChild(link);
      const actions = cell(row, '');
      if (session.admin) {
        button(actions, 'Replay', () => act('Replay dead letter ' + d.id + '?',
          () => api('api/dead-letters/' + encodeURIComponent(d.id) + '/replay', { method: 'POST' }), loadAll));
        button(actions, 'Delete', () => act('Delete dead letter ' + d.id + '? Its execution stays FAILED.',
          () => api('api/dead-letters/' + encodeURIComponent(d.id), { method: 'DELETE' }), loadDeadLetters),
          'danger');
      }
      row.addEventListener('click', () => showDeadLetter(d));
    }
  } catch (e) {
    say(e.message, true);
  }
}

async function showDeadLetter(d) {
  try {
    const letter = await api('api/dead-letters/' + encodeURIComponent(d.id));
    const detail = document.getElementById('dlq-detail');
    detail.hidden = false;
    detail.textContent = readableError(letter.error);
  } catch (e) {
    say(e.message, true);
  }
}

async function replayAll() {
  try {
    const filter = deadLetterFilter();
    const counted = await api('api/dead-letters/count?' + filter);
    await act('Replay all ' + counted.count + ' dead letters that match?',
      () => api('api/dead-letters/replay?' + filter, { method: 'POST' }), loadAll);
  } catch (e) {
    say(e.message, true);
  }
}

async function loadAudit() {
  const body = document.getElementById('audit');
  try {
    const page = await api('api/audit?limit=50');
    body.replaceChildren();
    for (const a of page.items) {
      const row = body.insertRow();
      cell(row, a.occurredAt); cell(row, a.actor); cell(row, a.operation); cell(row, a.outcome);
      cell(row, a.affected); cell(row, a.targets); cell(row, a.detail);
    }
  } catch (e) {
    say(e.message, true);
  }
}

async function loadWorkers() {
  const body = document.getElementById('workers');
  try {
    const workers = await api('api/workers');
    body.replaceChildren();
    for (const w of workers) {
      const row = body.insertRow();
      cell(row, w.id); cell(row, w.alive ? 'yes' : 'no', w.alive ? 'COMPLETED' : 'FAILED');
      cell(row, w.host + ' pid ' + w.pid); cell(row, w.startedAt); cell(row, w.heartbeatAt);
      cell(row, w.stoppedAt ?? ''); cell(row, w.tasksInFlight); cell(row, w.functions);
    }
  } catch (e) {
    say(e.message, true);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text != null) element.textContent = String(text);
  return element;
}

// A Gantt-style picture of the steps: each bar from its start (end minus duration) to its end,
// relative to the execution's start; waits drawn to their wake time; open tasks as a bar to now.
function drawTimeline(container, execution, steps, tasks) {
  container.replaceChildren();
  const start = Date.parse(execution.startedAt || execution.createdAt);
  const finished = execution.finishedAt ? Date.parse(execution.finishedAt) : Date.now();
  const whole = { label: 'execution ' + execution.function, status: execution.status === 'FAILED' ? 'FAILED'
      : execution.status === 'COMPLETED' ? 'COMPLETED' : 'RUNNING',
    from: start, to: Math.max(finished, start + 1), note: execution.status };
  const bars = [whole].concat(steps.map(s => {
    const end = Date.parse(s.finishedAt);
    const wake = s.wakeAt ? Date.parse(s.wakeAt) : null;
    return { label: (s.parentPath ? s.parentPath + '.' : '') + s.seq + ' ' + s.function, status: s.status,
      // a wait still open is drawn to its wake time; a finished step to its end
      from: end - s.durationMillis, to: wake && wake > end && s.status !== 'COMPLETED' && s.status !== 'FAILED'
        ? Math.min(wake, Date.now()) : Math.max(end, end - s.durationMillis + 1),
      note: s.attempts + ' attempt(s), ' + s.durationMillis + ' ms' + (wake ? ', waits until ' + s.wakeAt : '') };
  }));
  for (const t of tasks) {
    if (t.status === 'RUNNING') {
      bars.push({ label: 'in flight: ' + t.function, status: t.health === 'OK' ? 'RUNNING' : 'STUCK',
        from: Date.parse(t.runAt), to: Date.now(), note: t.health + ', held by ' + (t.leaseOwner ?? '') });
    }
  }
  const end = Math.max(...bars.map(b => b.to), start + 1);
  const width = 900, row = 18, left = 260;
  const picture = svg('svg', { width: width, height: bars.length * row + 24, role: 'img' });
  const scale = t => left + Math.max(0, (t - start) / (end - start)) * (width - left - 10);
  const colours = { COMPLETED: '#2e7d32', FAILED: '#b00020', RUNNING: '#0b4f9c', STUCK: '#e65100' };
  bars.forEach((b, i) => {
    picture.appendChild(svg('text', { x: 0, y: i * row + 13 }, b.label.length > 40 ? b.label.slice(0, 39) + '…' : b.label));
    const bar = svg('rect', { x: scale(b.from), y: i * row + 3, height: row - 6,
      width: Math.max(2, scale(b.to) - scale(b.from)), fill: colours[b.status] || '#777' });
    bar.appendChild(svg('title', {}, b.label + ': ' + b.status + ', ' + b.note));
    picture.appendChild(bar);
  });
  picture.appendChild(svg('text', { x: left, y: bars.length * row + 18 }, '0'));
  picture.appendChild(svg('text', { x: width - 80, y: bars.length * row + 18 }, ((end - start) / 1000).toFixed(1) + ' s'));
  container.appendChild(picture);
}

async function loadOverview() {
  try {
    const o = await api('api/overview');
    document.getElementById('overview-window').textContent = 'since ' + o.since;
    const tiles = document.getElementById('overview-tiles');
    tiles.replaceChildren();
    const tile = (label, value, cls) => {
      const div = document.createElement('div');
      div.className = 'tile';
      const number = document.createElement('strong');
      number.textContent = String(value);
      if (cls) number.className = cls;
      div.appendChild(number);
      div.appendChild(document.createTextNode(label));
      tiles.appendChild(div);
    };
    for (const [status, count] of Object.entries(o.createdByStatus)) tile(status.toLowerCase() + ' (last day)', count, status);
    tile('dead letters', o.deadLetters, o.deadLetters ? 'FAILED' : '');
    tile('workers alive', o.workersAlive, o.workersAlive ? 'COMPLETED' : 'FAILED');
    const chart = document.getElementById('overview-chart');
    chart.replaceChildren();
    const most = Math.max(1, ...o.hours.map(h => h.completed + h.failed));
    const picture = svg('svg', { width: 900, height: 140, role: 'img' });
    o.hours.forEach((h, i) => {
      const x = 40 + i * 35, done = 100 * h.completed / most, failed = 100 * h.failed / most;
      const ok = svg('rect', { x: x, y: 110 - done - failed, width: 28, height: done, fill: '#2e7d32' });
      ok.appendChild(svg('title', {}, h.start + ': ' + h.completed + ' completed, ' + h.failed + ' failed'));
      picture.appendChild(ok);
      picture.appendChild(svg('rect', { x: x, y: 110 - failed, width: 28, height: failed, fill: '#b00020' }));
      if (i % 3 === 0) picture.appendChild(svg('text', { x: x, y: 128 }, h.start.slice(11, 16)));
    });
    picture.appendChild(svg('text', { x: 0, y: 12 }, String(most)));
    chart.appendChild(picture);
    const queues = document.getElementById('overview-queues');
    queues.replaceChildren();
    for (const q of o.queues) {
      const row = queues.insertRow();
      cell(row, q.queue); cell(row, q.due); cell(row, q.oldestDueAt ?? ''); cell(row, q.waiting); cell(row, q.running);
    }
  } catch (e) {
    say(e.message, true);
  }
}

const VIEWS = { overview: loadOverview, executions: loadExecutions, 'dead-letters': loadDeadLetters,
  workers: loadWorkers, audit: loadAudit };

// Each view has its own address: #overview, #executions, #execution/ID, #dead-letters, #workers, #audit.
async function route() {
  const hash = decodeURIComponent(location.hash.slice(1)) || 'overview';
  const [name, id] = hash.startsWith('execution/') ? ['executions', hash.slice('execution/'.length)] : [hash, null];
  const view = VIEWS[name] ? name : 'overview';
  for (const section of document.querySelectorAll('section.view')) section.hidden = section.id !== 'view-' + view;
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('current', link.id === 'nav-' + view);
  await VIEWS[view]();
  if (id) await show(id);
}

async function loadAll() {
  await route();
}

async function start() {
  session = await api('api/session');
  document.getElementById('user').textContent = session.user + (session.admin ? ' (admin)' : ' (viewer)');
  for (const element of document.querySelectorAll('.admin-only')) element.hidden = !session.admin;
  document.getElementById('logout').addEventListener('click', async () => {
    await fetch('logout', { method: 'POST', headers: { 'X-Stent-Csrf': session.csrfToken } });
    location.href = 'login.html';
  });
  document.getElementById('refresh').addEventListener('click', loadExecutions);
  document.getElementById('status').addEventListener('change', loadExecutions);
  document.getElementById('running-longer').addEventListener('change', loadExecutions);
  // The list refreshes itself while the page is open and visible.
  setInterval(() => {
    if (document.hidden) return;
    if (!document.getElementById('view-executions').hidden) loadExecutions();
    if (!document.getElementById('view-overview').hidden) loadOverview();
  }, 5000);
  document.getElementById('dlq-refresh').addEventListener('click', loadDeadLetters);
  document.getElementById('dlq-replay-all').addEventListener('click', replayAll);
  document.getElementById('dlq-purge').addEventListener('click', () => {
    const age = document.getElementById('dlq-purge-age').value.trim();
    act('Delete every dead letter older than ' + age + '?',
      () => api('api/dead-letters/purge?olderThan=' + encodeURIComponent(age), { method: 'POST' }), loadDeadLetters);
  });
  document.getElementById('cancel').addEventListener('click', () => {
    const id = document.getElementById('detail').dataset.id;
    act('Cancel execution ' + id + ' and its children?',
      () => api('api/executions/' + encodeURIComponent(id) + '/cancel', { method: 'POST' }), loadExecutions);
  });
  document.getElementById('signal').addEventListener('click', () => {
    const id = document.getElementById('detail').dataset.id;
    const name = document.getElementById('signal-name').value.trim();
    const payload = document.getElementById('signal-payload').value.trim() || 'null';
    act('Send signal ' + name + ' to execution ' + id + '?',
      () => api('api/executions/' + encodeURIComponent(id) + '/signals/' + encodeURIComponent(name),
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload }), () => show(id));
  });
  window.addEventListener('hashchange', route);
  await route();
}

start().catch(e => say(e.message, true));
