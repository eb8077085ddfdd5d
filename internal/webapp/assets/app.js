// staffsim serve: progress polling and the headcount slider. Written for
// this page; no library, no network beyond this server.
(function () {
  'use strict';
  var csrf = document.querySelector('meta[name=csrf]').content;

  // Progress: poll /status while the plan runs; reload when it ends.
  var run = document.getElementById('run-section');
  if (run && (run.dataset.state === 'queued' || run.dataset.state === 'running')) {
    var bar = document.getElementById('bar'), stage = document.getElementById('stage');
    var poll = function () {
      fetch('/status', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (s) {
        if (s.state !== 'queued' && s.state !== 'running') { location.reload(); return; }
        stage.textContent = s.stage;
        if (s.total > 0) { bar.max = s.total; bar.value = s.done; } else { bar.removeAttribute('value'); }
        setTimeout(poll, 700);
      }).catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 500);
  }

  // The headcount slider: a point of the sweep at once, another simulated.
  var slider = document.getElementById('slider');
  if (!slider) { return; }
  var points = JSON.parse(document.getElementById('points').textContent || '[]');
  var cur = document.getElementById('slider-box').dataset.currency || '';
  var byAgents = {};
  points.forEach(function (p) { byAgents[p.agents] = p; });
  var pct = function (x) { return x === null || x === undefined ? '–' : (100 * x).toFixed(1) + '%'; };
  // Seconds as the report writes them: 9.7 s, 6 min 22 s, 1 h 5 min.
  var secs = function (s) {
    if (s < 60) { return s.toFixed(1) + ' s'; }
    var m = Math.round(s);
    if (m < 3600) { return Math.floor(m / 60) + ' min' + (m % 60 ? ' ' + (m % 60) + ' s' : ''); }
    var h = Math.floor(m / 3600), mm = Math.round((m % 3600) / 60);
    return h + ' h' + (mm ? ' ' + mm + ' min' : '');
  };
  var show = function (p) {
    document.getElementById('sl-out').textContent = pct(p.service_level);
    document.getElementById('pmeet-out').textContent = pct(p.p_meet);
    document.getElementById('asa-out').textContent = p.asa_seconds === null ? '–' : secs(p.asa_seconds);
    document.getElementById('fte-out').textContent = p.fte.toFixed(1);
    document.getElementById('cost-out').textContent = cur + Math.round(p.cost_per_year).toLocaleString('en-GB');
    document.getElementById('slider-note').textContent = p.edited ? 'Your edited roster (' + p.agents + ' agents), simulated now (one week, forecast volume).' :
      p.simulated ? 'Simulated now for this headcount (one week, forecast volume).' : 'A point of the plan\'s headcount sweep.';
    document.getElementById('agents').textContent = p.agents + (p.edited ? ' (edited roster)' : '');
    document.getElementById('slider-box').dataset.shown = p.edited ? 'edited' : String(p.agents);
  };
  var pending = 0;
  var update = function () {
    var n = parseInt(slider.value, 10);
    document.getElementById('agents').textContent = n;
    if (byAgents[n]) { show(byAgents[n]); return; }
    var ticket = ++pending;
    document.getElementById('slider-note').textContent = 'Simulating ' + n + ' agents…';
    var body = new URLSearchParams({agents: String(n)});
    fetch('/headcount', {method: 'POST', credentials: 'same-origin', headers: {'X-CSRF-Token': csrf}, body: body})
      .then(function (r) { if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); } return r.json(); })
      .then(function (p) { byAgents[p.agents] = p; if (ticket === pending) { show(p); } })
      .catch(function (e) { document.getElementById('slider-note').textContent = e.message; });
  };
  var form = document.getElementById('roster-form');
  if (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      document.getElementById('slider-note').textContent = 'Simulating your roster…';
      fetch('/roster', {method: 'POST', credentials: 'same-origin', headers: {'X-CSRF-Token': csrf}, body: new URLSearchParams(new FormData(form))})
        .then(function (r) { if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); } return r.json(); })
        .then(function (p) { show(p); document.getElementById('slider-box').scrollIntoView(); })
        .catch(function (e) { document.getElementById('slider-note').textContent = e.message; });
    });
  }
  slider.addEventListener('input', function () { document.getElementById('agents').textContent = slider.value; });
  slider.addEventListener('change', update);
  update();
})();
