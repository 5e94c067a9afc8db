// The performer's page: one WebSocket, JSON messages (protocol in the project's README, "Web remote").
// No framework, no build step: the page is served by the plugin, with no internet in the booth.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  // Fader law: the left end is off (-90 dB), then -60 to +10 dB, linear in dB.
  const FADER_MIN_DB = -60, FADER_MAX_DB = 10, OFF_DB = -90;
  const dbToPos = (db) => (db === null || db <= OFF_DB) ? 0 : Math.max(0, Math.min(1, (db - FADER_MIN_DB) / (FADER_MAX_DB - FADER_MIN_DB)));
  const posToDb = (p) => p <= 0.002 ? OFF_DB : Math.round((FADER_MIN_DB + p * (FADER_MAX_DB - FADER_MIN_DB)) * 10) / 10;
  const showDb = (db) => (db === null || db <= OFF_DB) ? "off" : (db > 0 ? "+" : "") + db.toFixed(1) + " dB";
  const meterWidth = (db) => (db === null) ? 0 : Math.max(0, Math.min(100, (db + 60) / 60 * 100));
  // The bar spans the whole meter and is clipped, so its colours stay at fixed levels (-18 and -6 dBFS).
  const meter = (el, db) => { el.style.clipPath = "inset(0 " + (100 - meterWidth(db)) + "% 0 0)"; };
  const MESSAGES_PER_SECOND = 30;

  let ws = null, pin = null, session = null, strips = [], held = new Set();

  function connect(onOpen) {
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
    ws.onopen = onOpen;
    ws.onmessage = (e) => receive(JSON.parse(e.data));
    ws.onclose = () => {
      if (session) { showLogin("The connection ended. Log in again."); }
      else { $("status").textContent = "Not connected. Reload the page to try again."; }
      session = null;
    };
  }

  function send(msg) {
    if (ws && ws.readyState === WebSocket.OPEN) {
      if (pin !== null && msg.type !== "login" && msg.type !== "hello") { msg.pin = pin; }
      ws.send(JSON.stringify(msg));
    }
  }

  function receive(m) {
    switch (m.type) {
      case "instances": return listInstances(m.instances);
      case "welcome": return welcome(m);
      case "mix": return showMix(m);
      case "meters": return showMeters(m);
      case "dose": return showDose(m);
      case "ended": pin = null; session = null; return showLogin(m.reason);
      case "error": return showError(m);
    }
  }

  function listInstances(list) {
    const sel = $("instance");
    sel.innerHTML = "";
    for (const i of list) {
      const o = document.createElement("option");
      o.value = i.id; o.textContent = i.name; o.dataset.cues = i.cues;
      sel.appendChild(o);
    }
    $("status").textContent = list.length ? "" : "No mixer has its remote switched on.";
    listCues();
  }

  function listCues() {
    const opt = $("instance").selectedOptions[0];
    const sel = $("cue");
    sel.innerHTML = "";
    for (let c = 1; opt && c <= Number(opt.dataset.cues); c++) {
      const o = document.createElement("option");
      o.value = c; o.textContent = "Cue " + c;
      sel.appendChild(o);
    }
  }

  function showError(m) {
    if (!session) {
      const text = m.code === "wrong-pin" ? "Wrong PIN. Check the digits with the engineer."
                 : m.code === "locked-out" ? "Too many wrong PINs: " + m.message
                 : m.message;
      const e = $("login-error"); e.textContent = text; e.hidden = false;
      pin = null;
      return;
    }
    const e = $("mix-error"); e.textContent = m.message; e.hidden = false;
    clearTimeout(showError.timer);
    showError.timer = setTimeout(() => { e.hidden = true; }, 3000);
  }

  function showLogin(reason) {
    $("mix").hidden = true; $("login").hidden = false;
    if (reason) { const e = $("login-error"); e.textContent = reason; e.hidden = false; }
    if (!ws || ws.readyState !== WebSocket.OPEN) { connect(() => send({ type: "hello" })); }
  }

  function welcome(m) {
    session = { instance: m.instance, cue: m.cue.n };
    $("login").hidden = true; $("mix").hidden = false; $("login-error").hidden = true;
    $("instance-name").textContent = m.instance.name;
    buildStrips(m.sources);
    showMix(m);
  }

  function buildStrips(sources) {
    const box = $("sources");
    box.innerHTML = "";
    strips = sources.map((s) => {
      const el = $("source-strip").content.firstElementChild.cloneNode(true);
      el.dataset.source = s.n;
      box.appendChild(el);
      const strip = { el, level: el.querySelector(".fader.level"), pan: el.querySelector(".fader.pan"),
                      mute: el.querySelector(".mute"), me: el.querySelector(".me"), meter: el.querySelector(".bar"),
                      text: el.querySelector(".level-text"), n: s.n, state: s };
      fader(strip.level, (phase, pos) => edit({ target: "send", source: s.n, field: "level", phase, value: posToDb(pos) }));
      fader(strip.pan, (phase, pos) => edit({ target: "send", source: s.n, field: "pan", phase, value: Math.round((pos * 2 - 1) * 100) / 100 }));
      strip.mute.onclick = () => edit({ target: "send", source: s.n, field: "mute", phase: "set", value: !strip.state.mute });
      strip.me.onclick = () => send({ type: "me", source: s.n, on: !strip.state.me });
      return strip;
    });
  }

  function edit(msg) { send(Object.assign({ type: "edit" }, msg)); }

  function place(faderEl, pos) {
    faderEl.querySelector(".thumb").style.left = (pos * 100) + "%";
    const fill = faderEl.querySelector(".fill");
    if (fill) { fill.style.width = (pos * 100) + "%"; }
  }

  function showMix(m) {
    $("cue-name").textContent = m.cue.name;
    $("locked").hidden = !m.cue.locked;
    $("mix").classList.toggle("locked", m.cue.locked);
    $("talkback").classList.toggle("lit", m.talkback);
    $("cue-level-text").textContent = showDb(m.cue.level);
    if (!held.has($("cue-fader"))) { place($("cue-fader"), dbToPos(m.cue.level)); }
    for (const s of m.sources) {
      const strip = strips[s.n - 1];
      if (!strip) { continue; }
      strip.state = s;
      strip.el.querySelector(".label").textContent = s.name;
      strip.el.querySelector(".swatch").style.background = s.colour;
      strip.text.textContent = showDb(s.level);
      if (!held.has(strip.level)) { place(strip.level, dbToPos(s.level)); }
      if (!held.has(strip.pan)) { place(strip.pan, (s.pan + 1) / 2); }
      strip.mute.classList.toggle("on", s.mute);
      strip.me.classList.toggle("on", s.me);
    }
  }

  function showMeters(m) {
    meter($("cue-meter"), m.cue.peak);
    $("limiter").classList.toggle("lit", m.limiting);
    $("talkback").classList.toggle("lit", m.talkback);
    for (let i = 0; i < strips.length && i < m.peak.length; i++) {
      meter(strips[i].meter, m.peak[i]);
    }
  }

  // The cue's hearing dose (ITU-T H.870), once a second: a share of the weekly allowance, or
  // "uncalibrated" (no number exists until the engineer calibrates the cue); from 100 % a warning in words.
  function showDose(m) {
    $("dose").hidden = false;
    const over = m.calibrated && m.over;
    $("dose").classList.toggle("uncalibrated", !m.calibrated);
    $("dose").classList.toggle("over", over);
    if (!m.calibrated) {
      $("dose-text").textContent = "uncalibrated";
      $("dose-detail").textContent = "Not measured: the engineer has not calibrated your headphones yet.";
      meter($("dose-bar"), null);
    } else {
      const p = m.percent === null ? 0 : m.percent;
      $("dose-text").textContent = (p < 10 ? p.toFixed(1) : Math.round(p)) + " %";
      $("dose-detail").textContent = "of your weekly sound allowance. Last second: "
        + (m.laeq === null ? "--" : Math.round(m.laeq) + " dB(A)");
      $("dose-bar").style.clipPath = "inset(0 " + (100 - Math.min(100, p)) + "% 0 0)";
    }
    // The alert's words stay the same (the figure is above), so a screen reader announces it once
    // when it appears, not every second.
    $("dose-warning").hidden = !over;
  }

  // A fader: pointer down begins a gesture, moves are sent at most MESSAGES_PER_SECOND, up ends it.
  function fader(el, emit) {
    let last = 0, pending = null, timer = null;
    const pos = (e) => { const r = el.getBoundingClientRect(); return Math.max(0, Math.min(1, (e.clientX - r.left) / r.width)); };
    const flush = () => { timer = null; if (pending !== null) { emit("move", pending); pending = null; last = Date.now(); } };
    el.addEventListener("pointerdown", (e) => {
      el.setPointerCapture(e.pointerId);
      held.add(el);
      const p = pos(e); place(el, p); emit("begin", p); last = Date.now();
    });
    el.addEventListener("pointermove", (e) => {
      if (!held.has(el)) { return; }
      const p = pos(e); place(el, p); pending = p;
      const wait = 1000 / MESSAGES_PER_SECOND - (Date.now() - last);
      if (wait <= 0) { flush(); } else if (!timer) { timer = setTimeout(flush, wait); }
    });
    const up = (e) => {
      if (!held.has(el)) { return; }
      clearTimeout(timer); timer = null; pending = null;
      held.delete(el);
      const p = pos(e); place(el, p); emit("end", p);
    };
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
  }

  fader($("cue-fader"), (phase, p) => edit({ target: "cue", field: "level", phase, value: posToDb(p) }));
  $("more-me").onclick = () => send({ type: "moreMe", db: 2 });
  $("less-me").onclick = () => send({ type: "moreMe", db: -2 });
  $("leave").onclick = () => { pin = null; session = null; if (ws) { ws.close(); } ws = null; showLogin(); };
  $("instance").onchange = listCues;
  $("enter").onclick = () => {
    const typed = $("pin").value.trim();
    if (!/^[0-9]{6}$/.test(typed)) {
      const e = $("login-error"); e.textContent = "The PIN is 6 digits."; e.hidden = false; return;
    }
    pin = typed;
    $("login-error").hidden = true;
    send({ type: "login", instance: Number($("instance").value), cue: Number($("cue").value), pin: typed });
  };
  $("pin").addEventListener("keydown", (e) => { if (e.key === "Enter") { $("enter").click(); } });
  // Phones sleep: a ping keeps the socket from idling out.
  setInterval(() => send({ type: "ping" }), 20000);
  connect(() => send({ type: "hello" }));
})();
