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

// A database time (ISO-8601, UTC) shortened for a table: "2026-12-01 22:44:48.043", the whole value as its title.
function timeCell(row, iso) {
  const td = cell(row, iso ? String(iso).replace('T', ' ').replace(/(\.\d{3})\d*/, '$1').replace(/Z$/, '') : '');
  if (iso) td.title = iso;
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
const listing = { sort: 'created_at', order: 'desc', offset: 0, limit: 50, searchedTo: null, exact: {} };

// A datetime-local input's value (the browser's time zone) as an ISO-8601 instant, or ''.
function instant(id) {
  const value = document.getElementById(id).value;
  return value ? new Date(value).toISOString() : '';
}

function executionQuery() {
  const parts = ['limit=' + listing.limit, 'offset=' + listing.offset, 'sort=' + listing.sort, 'order=' + listing.order];
  for (const [id, name] of [['status', 'status'], ['search', 'search'], ['function', 'function'],
    ['version', 'version'], ['queue', 'queue'], ['tag', 'tag'], ['running-longer', 'runningLongerThan']]) {
    const value = document.getElementById(id).value.trim();
    if (value) parts.push(name + '=' + encodeURIComponent(value));
  }
  for (const [id, name] of [['created-from', 'from'], ['created-before', 'before']]) {
    // a time the server answered is sent exactly as it came; the input shows it to the second
    const value = listing.exact[id] || instant(id);
    if (value) parts.push(name + '=' + encodeURIComponent(value));
  }
  return parts.join('&');
}

// A new search starts at the first page.
function searchExecutions() {
  listing.offset = 0;
  return loadExecutions();
}

// An ISO instant as a datetime-local input's value, in the browser's time zone.
function localInput(iso) {
  const d = new Date(iso);
  const two = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + 'T' + two(d.getHours()) + ':'
    + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

// A search by status alone reads a budget of executions per call; this goes on past where it stopped.
function searchFurther() {
  const id = listing.sort === 'created_at' && listing.order === 'asc' ? 'created-from' : 'created-before';
  document.getElementById(id).value = localInput(listing.searchedTo);
  listing.exact[id] = listing.searchedTo;
  return searchExecutions();
}

async function loadExecutions() {
  const request = ++executionsShown;
  const query = executionQuery();
  // the export link takes the same filters, without paging and sorting
  document.getElementById('export').href = 'api/executions/export?' + query.split('&')
    .filter(part => !/^(limit|offset|sort|order)=/.test(part)).join('&');
  const body = document.getElementById('executions');
  try {
    const page = await api('api/executions?' + query);
    if (request !== executionsShown) return;
    document.getElementById('previous-page').disabled = listing.offset === 0;
    document.getElementById('next-page').disabled = !page.hasMore;
    document.getElementById('page-info').textContent = page.items.length
      ? 'rows ' + (listing.offset + 1) + ' to ' + (listing.offset + page.items.length) : 'no rows';
    listing.searchedTo = page.searchedTo || null;
    const further = document.getElementById('search-further');
    further.hidden = !listing.searchedTo || page.hasMore;
    document.getElementById('searched-to').textContent = listing.searchedTo && !page.hasMore
      ? 'A search by status alone reads 100,000 executions at a time; it stopped at those created at '
        + listing.searchedTo + '.' : '';
    for (const th of document.querySelectorAll('th[data-sort]')) {
      th.classList.toggle('sorted-asc', th.dataset.sort === listing.sort && listing.order === 'asc');
      th.classList.toggle('sorted-desc', th.dataset.sort === listing.sort && listing.order === 'desc');
    }
    const rendered = query + JSON.stringify(page.items);
    if (rendered === executionsRendered) return;
    executionsRendered = rendered;
    body.replaceChildren();
    for (const e of page.items) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.id = e.id;
      timeCell(row, e.createdAt); cell(row, e.function + ' v' + e.version);
      cell(row, (e.queue ?? '') + (e.tags.length ? ' (' + e.tags.join(', ') + ')' : ''));
      cell(row, e.status, e.status); timeCell(row, e.finishedAt);
      cell(row, e.attempts); cell(row, e.steps + (e.lastStep ? ' (' + e.lastStep + ')' : ''));
      cell(row, e.errorClass ? e.errorClass + ': ' + (e.errorMessage ?? '') : '', 'FAILED'); cell(row, e.id);
      row.addEventListener('click', () => { location.hash = 'execution/' + encodeURIComponent(e.id); });
    }
  } catch (e) {
    say(e.message, true);
  }
}

function sortBy(column) {
  if (listing.sort === column) listing.order = listing.order === 'desc' ? 'asc' : 'desc';
  else { listing.sort = column; listing.order = column === 'function' ? 'asc' : 'desc'; }
  return searchExecutions();
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
    const failing = data.steps.filter(step => step.status === 'FAILED');
    const where = failing.length ? '\nfailed in step ' + stepLabel(failing[failing.length - 1]) : '';
    document.getElementById('detail-summary').textContent =
      'status: ' + e.status + '\nfunction: ' + e.function + ' v' + e.version + '\nqueue: ' + (e.queue ?? '')
      + (e.tags.length ? '\ntags: ' + e.tags.join(', ') : '') + '\nattempts: ' + e.attempts
      + '\ncreated: ' + e.createdAt + (e.startedAt ? '\nstarted: ' + e.startedAt : '')
      + (e.finishedAt ? '\nfinished: ' + e.finishedAt : '') + (e.deadlineAt ? '\ndeadline: ' + e.deadlineAt : '')
      + '\nidempotency key: ' + (e.idempotencyKey ?? '')
      + '\narguments: ' + e.arguments + cutNote(id, 'arguments', e.arguments, e.argumentsChars)
      + '\nresult: ' + (e.result ?? '') + cutNote(id, 'result', e.result, e.resultChars)
      + (e.error ? where + '\nerror: ' + (e.error.length < e.errorChars ? e.error : readableError(e.error))
        + cutNote(id, 'error', e.error, e.errorChars) : '');
    document.getElementById('retry').hidden = e.status !== 'FAILED';
    await showRelatives(e);
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
      cell(row, t.health, t.health === 'OK' ? 'COMPLETED' : 'FAILED'); timeCell(row, t.runAt);
      cell(row, t.attempt + (t.requeues ? ' (' + t.requeues + ' requeues)' : '')); cell(row, t.leaseOwner);
      timeCell(row, t.leaseExpiresAt); timeCell(row, t.ownerHeartbeatAt);
    }
    drawTimeline(document.getElementById('timeline'), e, data.steps, data.tasks);
    const body = document.getElementById('steps');
    body.replaceChildren();
    const addSteps = steps => {
      for (const s of steps) {
        const row = body.insertRow();
        if (s.status === 'FAILED') row.className = 'failing-step';
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

function stepLabel(step) {
  return (step.parentPath ? step.parentPath + '.' : '') + step.seq + ' (' + step.function + ')';
}

function executionLink(parent, id) {
  const link = document.createElement('a');
  link.href = '#execution/' + encodeURIComponent(id);
  link.textContent = id;
  link.addEventListener('click', event => event.stopPropagation());
  parent.appendChild(link);
  return link;
}

// The parent of a child execution and the first children of this one, as links.
async function showRelatives(e) {
  const links = document.getElementById('detail-links');
  links.replaceChildren();
  if (e.parentId) {
    links.appendChild(document.createTextNode('parent: '));
    executionLink(links, e.parentId);
    links.appendChild(document.createTextNode(' '));
  }
  const children = await api('api/executions?limit=50&sort=created_at&order=asc&parent=' + encodeURIComponent(e.id));
  if (children.items.length) {
    links.appendChild(document.createTextNode('children: '));
    for (const child of children.items) {
      executionLink(links, child.id).title = child.function + ' ' + child.status;
      links.appendChild(document.createTextNode(' (' + child.status + ') '));
    }
    if (children.hasMore) links.appendChild(document.createTextNode('… more in the list, filtered by parent'));
  }
}

function deadLetterFilter() {
  const parts = [];
  for (const [id, name] of [['dlq-function', 'function'], ['dlq-queue', 'queue'], ['dlq-error-class', 'errorClass']]) {
    const value = document.getElementById(id).value.trim();
    if (value) parts.push(name + '=' + encodeURIComponent(value));
  }
  for (const [id, name] of [['dlq-from', 'from'], ['dlq-before', 'before']]) {
    const value = instant(id);
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
      timeCell(row, d.failedAt); cell(row, d.function); cell(row, d.queue);
      cell(row, d.errorClass + ': ' + (d.errorMessage ?? ''), 'FAILED');
      cell(row, d.attempts); cell(row, d.replayCount);
      executionLink(cell(row, ''), d.executionId);
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
    await act('Replay all ' + counted.count + ' dead letters that match, as a bulk replay job?',
      () => api('api/bulk-replays?' + filter, { method: 'POST' }), loadBulkReplays);
  } catch (e) {
    say(e.message, true);
  }
}

let bulkRefresh = null;

async function loadBulkReplays() {
  const body = document.getElementById('bulk-replays');
  try {
    const replays = await api('api/bulk-replays');
    body.replaceChildren();
    for (const b of replays) {
      const row = body.insertRow();
      row.dataset.id = b.id;
      timeCell(row, b.createdAt); cell(row, b.actor);
      const f = b.filter;
      cell(row, [['function', f.function], ['queue', f.queue], ['error class', f.errorClass],
        ['execution', f.executionId], ['from', f.failedFrom], ['before', f.failedBefore]]
        .filter(([, value]) => value).map(([name, value]) => name + ' ' + value).join(', ') || 'all');
      cell(row, b.status, b.status === 'COMPLETED' ? 'COMPLETED' : b.status === 'FAILED' ? 'FAILED' : 'RUNNING');
      cell(row, b.replayed); cell(row, b.skipped); cell(row, Math.max(0, b.total - b.replayed - b.skipped));
      timeCell(row, b.updatedAt);
      const actions = cell(row, '');
      if (session.admin && b.status === 'RUNNING') {
        button(actions, 'Stop', () => act('Stop bulk replay ' + b.id + ' after its chunk in progress?',
          () => api('api/bulk-replays/' + encodeURIComponent(b.id) + '/stop', { method: 'POST' }), loadBulkReplays),
        'danger');
      } else if (session.admin && b.status !== 'COMPLETED' && b.status !== 'STOPPING') {
        button(actions, 'Resume', () => act('Resume bulk replay ' + b.id + ' from where it got to?',
          () => api('api/bulk-replays/' + encodeURIComponent(b.id) + '/resume', { method: 'POST' }), loadBulkReplays));
      }
    }
    // while one runs, its progress is read again every two seconds
    const running = replays.some(b => b.status === 'RUNNING' || b.status === 'STOPPING');
    if (running && !bulkRefresh) {
      bulkRefresh = setInterval(() => {
        if (!document.getElementById('view-dead-letters').hidden) loadBulkReplays();
      }, 2000);
    } else if (!running && bulkRefresh) {
      clearInterval(bulkRefresh);
      bulkRefresh = null;
      loadDeadLetters();
    }
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
      timeCell(row, a.occurredAt); cell(row, a.actor); cell(row, a.operation); cell(row, a.outcome);
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
      cell(row, w.host + ' pid ' + w.pid); cell(row, w.stentVersion ?? ''); timeCell(row, w.startedAt);
      timeCell(row, w.heartbeatAt); timeCell(row, w.stoppedAt); cell(row, w.tasksInFlight);
      cell(row, w.functions.join(', ')); cell(row, w.queues.length ? w.queues.join(', ') : 'all');
      cell(row, w.tags.join(', '));
    }
  } catch (e) {
    say(e.message, true);
  }
}

async function loadSchedules() {
  const body = document.getElementById('schedules');
  try {
    const schedules = await api('api/schedules');
    body.replaceChildren();
    for (const sc of schedules) {
      const row = body.insertRow();
      row.dataset.name = sc.name;
      cell(row, sc.name + (sc.declared ? '' : ' (made at run time)'));
      cell(row, sc.function);
      cell(row, sc.cron + ' (' + sc.zone + ')');
      const next = cell(row, sc.paused ? 'paused' : '', sc.paused ? 'FAILED' : '');
      for (const fire of sc.upcoming) {
        next.appendChild(document.createTextNode(fire.replace('T', ' ').replace(/(\.\d{3})\d*/, '$1').replace(/Z$/, '')));
        next.appendChild(document.createElement('br'));
      }
      const last = cell(row, sc.lastFireAt ? sc.lastFireAt.replace('T', ' ').replace(/Z$/, '') + ' ' : '');
      if (sc.lastExecutionId) {
        executionLink(last, sc.lastExecutionId);
        last.appendChild(document.createTextNode(sc.lastExecutionRunning ? ' (running)' : ''));
      }
      cell(row, sc.fires + ' / ' + sc.dropped);
      cell(row, 'overlap ' + sc.overlap + ', after downtime ' + sc.catchUp
        + (sc.catchUp === 'ALL' ? ' (up to ' + sc.catchUpLimit + ')' : ''));
      const actions = cell(row, '');
      if (session.admin) {
        const path = 'api/schedules/' + encodeURIComponent(sc.name);
        if (sc.paused) {
          button(actions, 'Resume', () => act('Resume schedule ' + sc.name + ' from its next fire time?',
            () => api(path + '/resume', { method: 'POST' }), loadSchedules));
        } else {
          button(actions, 'Pause', () => act('Pause schedule ' + sc.name + '?',
            () => api(path + '/pause', { method: 'POST' }), loadSchedules));
        }
        button(actions, 'Trigger', () => act('Start an execution of schedule ' + sc.name + ' now?',
          () => api(path + '/trigger', { method: 'POST' }), loadSchedules));
        button(actions, 'Delete', () => act('Delete schedule ' + sc.name + '? The executions it started go on'
          + (sc.declared ? '; the next deployment that declares it writes it again.' : '.'),
          () => api(path, { method: 'DELETE' }), loadSchedules), 'danger');
      }
    }
  } catch (e) {
    say(e.message, true);
  }
}

async function loadRetentionRuns() {
  const body = document.getElementById('retention-runs');
  try {
    const runs = await api('api/retention-runs');
    body.replaceChildren();
    for (const run of runs) {
      const row = body.insertRow();
      row.dataset.id = run.id;
      timeCell(row, run.startedAt);
      cell(row, run.status, run.status === 'COMPLETED' ? 'COMPLETED' : run.status === 'RUNNING' ? 'RUNNING' : 'FAILED');
      cell(row, run.instance + (run.jobExecution == null ? '' : ' (job ' + run.jobExecution + ')'));
      cell(row, String(run.executions));
      cell(row, String(run.deadLetters));
      cell(row, String(run.auditRows));
      cell(row, String(run.cacheEntries));
      cell(row, String(run.batches));
      timeCell(row, run.updatedAt);
      timeCell(row, run.finishedAt);
      cell(row, run.error || '');
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
    if (b.status === 'FAILED' && i > 0) { // the failing step stands out
      bar.setAttribute('stroke', '#000');
      bar.setAttribute('stroke-width', '2');
      bar.setAttribute('class', 'failing-step');
    }
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
      cell(row, q.queue); cell(row, q.due); timeCell(row, q.oldestDueAt); cell(row, q.waiting); cell(row, q.running);
    }
  } catch (e) {
    say(e.message, true);
  }
}

const VIEWS = { overview: loadOverview, executions: loadExecutions,
  'dead-letters': () => Promise.all([loadDeadLetters(), loadBulkReplays()]),
  schedules: () => Promise.all([loadSchedules(), loadRetentionRuns()]), workers: loadWorkers, audit: loadAudit };

// Each view has its own address: #overview, #executions, #execution/ID, #dead-letters, #schedules, #workers, #audit.
async function route() {
  const hash = decodeURIComponent(location.hash.slice(1)) || 'overview';
  const [name, id] = hash.startsWith('execution/') ? ['executions', hash.slice('execution/'.length)] : [hash, null];
  const view = VIEWS[name] ? name : 'overview';
  for (const section of document.querySelectorAll('section.view')) section.hidden = section.id !== 'view-' + view;
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('current', link.id === 'nav-' + view);
  await VIEWS[view]();
  if (id) {
    await show(id);
    document.getElementById('detail').scrollIntoView();
  }
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
  document.getElementById('refresh').addEventListener('click', searchExecutions);
  for (const id of ['status', 'running-longer', 'created-from', 'created-before']) {
    document.getElementById(id).addEventListener('change', () => {
      delete listing.exact[id]; // typed by the user: sent as shown
      return searchExecutions();
    });
  }
  document.getElementById('search-further').addEventListener('click', searchFurther);
  for (const th of document.querySelectorAll('th[data-sort]')) {
    th.addEventListener('click', () => sortBy(th.dataset.sort));
  }
  document.getElementById('previous-page').addEventListener('click', () => {
    listing.offset = Math.max(0, listing.offset - listing.limit);
    return loadExecutions();
  });
  document.getElementById('next-page').addEventListener('click', () => {
    listing.offset += listing.limit;
    return loadExecutions();
  });
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
  document.getElementById('retry').addEventListener('click', () => {
    const id = document.getElementById('detail').dataset.id;
    act('Retry execution ' + id + ' from the step that failed? Its completed steps are kept.',
      () => api('api/executions/' + encodeURIComponent(id) + '/retry', { method: 'POST' }), () => show(id));
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
