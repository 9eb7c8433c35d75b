/* global CSS, CustomEvent, MessageChannel, setInterval, Event, HashChangeEvent, InputEvent, KeyboardEvent, MouseEvent, MutationObserver, NodeFilter, PopStateEvent, addEventListener, document, getSelection, history, innerHeight, innerWidth, location, window -- a page script, run in the browser */
// The hostile page's own script (e2e/hostile-page.test.ts), loaded first in its <head>: everything a
// page can do to learn what Rasid knows or to drive it, with what it saw kept in `window.__hostile`.
// The names of the events WXT's content-script runtime would use come in the fragment (`#names=`):
// the test knows the extension's id, the page must learn it from nothing.
(() => {
  const names = JSON.parse(decodeURIComponent(location.hash.replace(/^#names=/u, '') || '[]'));
  const seen = { messages: [], events: [], mutations: [], typed: [], captured: [], frames: [] };
  const text = (value) => {
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  // What the page itself dispatches is not what it learned.
  let forging = false;
  const forged = (value) =>
    forging || (!!value && typeof value === 'object' && value.messageId === 'forged-by-the-page');

  // Every message posted to the window, and every event of WXT's names on the window and document.
  addEventListener(
    'message',
    (e) => forged(e.data) || seen.messages.push(`${text(e.data)} from ${e.origin}`),
    true,
  );
  for (const name of names)
    for (const target of [window, document])
      target.addEventListener(
        name,
        (e) => forged(e.detail) || seen.events.push(`${name} ${text(e.detail)}`),
        true,
      );
  // What the reader types, as the page's ordinary (bubbling) listeners hear it.
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend'])
    document.addEventListener(
      type,
      (e) => e.isTrusted && seen.typed.push(`${type}:${e.key ?? ''}${e.data ?? ''}`),
    );
  // What the reader types, as capture-phase listeners on the window and the document hear it: they run
  // before any other listener, and would hear keys typed into Rasid's UI if it were part of the page.
  for (const target of [window, document])
    for (const type of [
      'keydown',
      'keyup',
      'keypress',
      'beforeinput',
      'input',
      'compositionend',
      'textInput',
    ])
      target.addEventListener(
        type,
        (e) => e.isTrusted && seen.captured.push(`${type}:${e.key ?? ''}${e.data ?? ''}`),
        true,
      );
  // Every frame that appears (Rasid's toolbar is one, while it is open): the page tries to read it, and
  // offers it a port of its own before Rasid can, listening for anything sent on it.
  const offered = new Set();
  const offerPorts = () => {
    for (let i = 0; i < window.length; i++) {
      const frame = window[i];
      if (offered.has(frame)) continue;
      offered.add(frame);
      let read;
      try {
        read = `${frame.location.href} ${frame.document.body.innerText}`;
      } catch (e) {
        read = e.name;
      }
      seen.frames.push(`frame ${i}: ${read}`);
      for (const data of [
        { type: 'rasid/toolbar-port', nonce: '' },
        { type: 'rasid/toolbar-port' },
        'port',
      ]) {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => seen.messages.push(`on the page's port: ${text(e.data)}`);
        try {
          frame.postMessage(data, '*', [channel.port2]);
        } catch (e) {
          seen.frames.push(`postMessage: ${e.name}`);
        }
      }
    }
  };
  setInterval(offerPorts, 5);
  // Every node and attribute added anywhere.
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes)
        seen.mutations.push(`added ${n.nodeName} ${n.outerHTML ?? n.textContent ?? ''}`);
      if (r.type === 'attributes')
        seen.mutations.push(`attribute ${r.attributeName}=${r.target.getAttribute?.(r.attributeName)}`);
      if (r.type === 'characterData') seen.mutations.push(`text ${r.target.data}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const hosts = () =>
    [...document.querySelectorAll('*')].filter(
      (el) => el.tagName.startsWith('RASID-') || el.hasAttribute('data-rasid-ui'),
    );
  const mouse = (target, type, x, y) =>
    target.dispatchEvent(
      new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }),
    );
  const key = (target, init) =>
    target.dispatchEvent(
      new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }),
    );

  window.__hostile = {
    seen,
    /** Tries to read Rasid's UI every way a page can. */
    read() {
      const out = [];
      for (const el of document.querySelectorAll('*'))
        if (el.shadowRoot) out.push(`${el.nodeName} open root: ${el.shadowRoot.innerHTML}`);
      for (const host of hosts()) {
        out.push(`${host.nodeName} shadowRoot=${String(host.shadowRoot)}`);
        out.push(
          `${host.nodeName} innerText=${host.innerText} textContent=${host.textContent} innerHTML=${host.innerHTML}`,
        );
        try {
          host.attachShadow({ mode: 'open' });
          out.push(`${host.nodeName} attachShadow succeeded`);
        } catch (e) {
          out.push(`${host.nodeName} attachShadow: ${e.name}`);
        }
      }
      out.push(`body=${document.body.innerText}`, `html=${document.documentElement.outerHTML}`);
      out.push(`selection=${String(getSelection())}`, `active=${document.activeElement?.nodeName}`);
      return out;
    },
    /** Clicks, types and submits into Rasid's UI with forged events, wherever it is on the screen. */
    drive() {
      for (const host of hosts()) {
        host.click();
        key(host, { key: 'Enter', code: 'Enter', ctrlKey: true });
        host.dispatchEvent(
          new InputEvent('input', { bubbles: true, composed: true, data: 'EDITED BY THE PAGE' }),
        );
        host.dispatchEvent(new Event('submit', { bubbles: true, composed: true }));
        key(host, { key: 'Escape', code: 'Escape' });
      }
      for (let y = 0; y < innerHeight; y += 12)
        for (let x = 0; x < innerWidth; x += 24) {
          const el = document.elementFromPoint(x, y);
          if (!el || !(el.tagName.startsWith('RASID-') || el.hasAttribute('data-rasid-ui'))) continue;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
            mouse(el, type, x, y);
        }
    },
    /** A selection made by script, a forged mouseup and Alt+Shift+A; a forged click and hover on a name. */
    forgeReader(phrase, point) {
      const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + phrase.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        mouse(n.parentElement, 'mouseup', 0, 0);
        key(document, { key: 'A', code: 'KeyA', altKey: true, shiftKey: true });
        getSelection().removeAllRanges();
        break;
      }
      const el = document.elementFromPoint(point.x, point.y);
      for (const type of ['mousemove', 'mousedown', 'mouseup', 'click']) mouse(el, type, point.x, point.y);
      el.click();
    },
    /** WXT's content-script events and messages, forged; location changes that change nothing. */
    forgeRuntime() {
      forging = true;
      for (const name of names) {
        const detail = { contentScriptName: 'reader', messageId: 'forged-by-the-page' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*'); // arrives later: marked by its messageId
      }
      for (let i = 0; i < 200; i++) {
        history.pushState(null, '', location.href);
        window.dispatchEvent(new Event('wxt:locationchange'));
        window.dispatchEvent(new PopStateEvent('popstate'));
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
      forging = false;
    },
    /** Every highlight in the page's registry, by name, as the text of its ranges. */
    highlights() {
      return [...CSS.highlights].map(([name, highlight]) => [
        name,
        [...highlight].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      ]);
    },
  };
})();
