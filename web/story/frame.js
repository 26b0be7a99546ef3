// One live figure: the playground in embed mode in an iframe, created only when its place
// comes near the screen (the first one is in story.html itself), and driven through the
// embed's postMessage API (seek, query). The story page is the frame's parent and is served
// from the same place: the embed obeys a parent of its own origin. The embed answers
// commands in the order it gets them, one reply each, so replies are matched to requests
// first in, first out.

const PREFIX = 'paxos-playground:';
/** How far below (and above) the screen a figure starts loading. */
const NEAR_MARGIN = '600px 0px';
/** A frame that has not reported in by then is told to have failed. */
const READY_TIMEOUT_MS = 30_000;
/** Heights a frame may ask for (px): as web/embed/autosize.js bounds them. */
/** How often a playing figure is asked where it is, and for how long at most (2 minutes). */
const PLAY_POLL_MS = 150;
const PLAY_POLLS_MAX = 800;
const HEIGHT_MIN = 120;
const HEIGHT_MAX = 10_000;

/**
 * The embed's address for a figure: the playground page with the preset and view, and the
 * language when the story names one (`null`: the embed takes the browser's, as the story
 * does when its address names none). No `origin=`: the embed obeys a parent of its own
 * origin without one (web/embed/embed.js), and the story is served beside it.
 */
export function figureUrl(pageHref, { preset, view, language }) {
  const url = new URL('index.html', pageHref);
  const params = { embed: '1', preset, view };
  if (language !== null) params.lang = language;
  url.search = new URLSearchParams(params).toString();
  return url.href;
}

export class Figure {
  /**
   * @param {HTMLElement} box the figure's element (the iframe goes into it)
   * @param {{preset: string, view: string, title: string}} spec
   * @param {{window: Window, language: string, onReady: (figure) => void, onFail: (figure, message) => void}} options
   */
  constructor(box, spec, { window, language, onReady, onFail, onMoved = () => {} }) {
    this.box = box;
    this.spec = spec;
    this.window = window;
    this.language = language;
    this.onReady = onReady;
    this.onFail = onFail;
    /** Told the step each `seek` took the figure to. */
    this.onMoved = onMoved;
    /** The play to the figure's moment under way (`playTo`), or null. */
    this.play = null;
    this.frame = null;
    this.observer = null;
    this.pending = [];
    this.ready = null;
    this.readyTimer = null;
    this.listener = (event) => this.receive(event);
    window.addEventListener('message', this.listener);
  }

  /** Creates the iframe once the figure comes near the screen. */
  loadWhenNear() {
    this.observer = new this.window.IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.observer.disconnect();
      this.load();
    }, { rootMargin: NEAR_MARGIN });
    this.observer.observe(this.box);
  }

  /**
   * Takes over `frame`, an iframe story.html already has (the first figure, loading while
   * the story's script was on its way), if it shows this figure's address; else points it
   * there. A frame that has already drawn has already said its height, maybe before this
   * page listened: its readiness is read from its document (of this origin) instead.
   */
  adopt(frame) {
    this.frame = frame;
    if (frame.src !== this.url()) {
      this.load();
      return;
    }
    this.waitForReady();
    const root = frame.contentDocument?.documentElement;
    if (root?.dataset.drawn) this.receiveHeight(root.getBoundingClientRect().height);
  }

  url() {
    return figureUrl(this.window.location.href, { preset: this.spec.preset, view: this.spec.view, language: this.language });
  }

  /** Creates (or, for another language, re-points) the iframe. */
  load() {
    if (!this.frame) {
      this.frame = this.window.document.createElement('iframe');
      this.frame.className = 'figure-frame';
      this.frame.title = this.spec.title;
      // (Its address before it joins the page: one navigation, no about:blank first.)
      this.frame.src = this.url();
      this.box.querySelector('.figure-placeholder')?.replaceWith(this.frame);
    } else {
      this.frame.src = this.url();
    }
    this.waitForReady();
  }

  waitForReady() {
    this.rejectPending(new Error('the figure was reloaded'));
    this.ready = false;
    this.box.dataset.state = 'loading';
    this.window.clearTimeout(this.readyTimer);
    this.readyTimer = this.window.setTimeout(() => {
      if (!this.ready) this.fail('timeout');
    }, READY_TIMEOUT_MS);
  }

  /** The figure's title (its frame's accessible name), once the story's words are here. */
  setTitle(title) {
    this.spec = { ...this.spec, title };
    if (this.frame) this.frame.title = title;
  }

  /** Another language: the figure reloads in it (if it has loaded at all). */
  setLanguage(language, title) {
    this.language = language;
    this.spec = { ...this.spec, title };
    if (this.frame) {
      this.frame.title = title;
      this.load();
    }
  }

  receive(event) {
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.window.location.origin) return;
    const data = event.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
    const kind = data.type.slice(PREFIX.length);
    if (kind === 'height') {
      this.receiveHeight(data.height);
      return;
    }
    const request = this.pending.shift();
    if (!request) return;
    if (kind === 'error') request.reject(new Error(String(data.message)));
    else request.resolve(data);
  }

  receiveHeight(reported) {
    const height = Math.min(Math.max(Number(reported) || 0, HEIGHT_MIN), HEIGHT_MAX);
    this.frame.style.height = `${Math.ceil(height)}px`;
    // The first height comes once the embed listens for commands (web/embed/embed.js).
    if (!this.ready) {
      this.ready = true;
      this.window.clearTimeout(this.readyTimer);
      this.box.dataset.state = 'ready';
      this.onReady(this);
    }
  }

  fail(reason) {
    this.box.dataset.state = 'failed';
    this.onFail(this, reason);
  }

  /** Sends a command (`seek`, `query`, ...) and resolves with the embed's reply. */
  send(name, fields = {}) {
    if (!this.ready) return Promise.reject(new Error('the figure has not loaded yet'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.frame.contentWindow.postMessage({ type: `${PREFIX}${name}`, ...fields }, this.window.location.origin);
    });
  }

  /** The core's record of the whole run (events, snapshot, outcome). */
  query() {
    return this.send('query');
  }

  /**
   * Takes the figure to `step` (a question's moment, the step an answer shows). It wins over
   * a play to the figure's moment under way (`playTo`), which stops where it is: that play
   * would otherwise end by taking the figure back to its own moment.
   */
  seek(step) {
    const playing = this.play !== null;
    this.play = null;
    if (playing) this.send('pause').catch(() => {});
    return this.send('seek', { step }).then((reply) => {
      this.onMoved(this, step);
      return reply;
    });
  }

  /**
   * Plays the figure's run from its start up to `step` and holds it there, so the reader
   * sees the section's scenario happen up to the moment the text is about (the playground's
   * own player, at its speed); a reader who asks for less motion is taken there at once.
   * The embed says where it is when asked (`state`), a few times a second. Resolves true
   * once held there, false if a `seek` came first (the figure is then where that put it).
   */
  async playTo(step) {
    const play = {};
    this.play = play;
    const ours = () => this.play === play;
    const reduced = this.window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (step !== 0 && !reduced) {
      await this.send('seek', { step: 0 });
      if (!ours()) return false;
      await this.send('play');
      // Bounded: the run cannot take longer than its steps at the slowest pace, and a figure
      // that stops playing (its end, a refusal) is taken to the moment anyway.
      for (let polls = 0; polls < PLAY_POLLS_MAX; polls += 1) {
        await new Promise((resolve) => this.window.setTimeout(resolve, PLAY_POLL_MS));
        if (!ours()) return false;
        const state = await this.send('state');
        if (!ours()) return false;
        if (state.step >= step || !state.playing) break;
      }
      await this.send('pause');
      if (!ours()) return false;
    }
    await this.send('seek', { step });
    if (!ours()) return false;
    this.play = null;
    return true;
  }

  /** Stops listening (the story drew itself again, e.g. in another language). */
  dispose() {
    this.window.removeEventListener('message', this.listener);
    this.window.clearTimeout(this.readyTimer);
    this.observer?.disconnect();
    this.rejectPending(new Error('the figure was removed'));
  }

  rejectPending(error) {
    for (const request of this.pending.splice(0)) request.reject(error);
  }
}
