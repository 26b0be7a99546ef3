// The quorum aid's pictures, from the core: the page's module sends none (they would make the
// opening page bigger), so the aids' wasm module keeps a copy of the page's run (a
// QuorumMirror) and answers for the viewed step. The copy is built once from the run's
// share-link code, then follows the page's run change by change (the store names the action
// behind each change: an extension, an intervention, an undo or a redo), doing what the page's
// core did; it is rebuilt only when that is not possible (a load, or changes the store no
// longer remembers). A seek costs a few replayed steps at most (the core keeps checkpoints).

/**
 * Makes the picture of the viewed step of `store`'s run: of the choice `pick`, or the latest;
 * null before anything reached phase 2 or was chosen. `cache` ({} at first) keeps the mirror.
 * @param aids the initialised aids module (web/aids/module.js)
 */
export function quorumPictureOf(aids, store, pick, cache) {
  followedMirror(aids, store, cache);
  // The choices the last picture had: the core leaves them out when they are the same.
  const picture = cache.mirror.picture(store.step, pick ?? undefined, cache.choices?.map((c) => c.key).join('\n'));
  if (picture?.choicesKept) picture.choices = cache.choices;
  cache.choices = picture?.choices ?? null;
  if (picture) delete picture.choicesKept;
  return picture;
}

/**
 * The aids module's copy of `store`'s run, kept in `cache` and brought up to date (the Rules
 * panel asks it for the rules of the viewed step's events, the quorum aid for pictures).
 */
export function followedMirror(aids, store, cache) {
  if (cache.mirror && (cache.store !== store || cache.aids !== aids || (cache.runVersion !== store.runVersion && !follow(cache.mirror, store.changesSince(cache.runVersion), store)))) {
    cache.mirror.free();
    cache.mirror = null;
  }
  if (!cache.mirror) {
    try {
      // The link is the run's shortest form; a run too long for a link goes as its script.
      cache.mirror = aids.QuorumMirror.fromLink(store.pg.link(undefined, 0, 0));
    } catch {
      cache.mirror = aids.QuorumMirror.fromScript(store.script());
    }
  }
  cache.store = store;
  cache.aids = aids;
  cache.runVersion = store.runVersion;
  return cache.mirror;
}

/**
 * The cache of `store`'s mirror that the quorum aid and the Rules panel share (kept on the
 * store: in dist/ they are separate bundles, each with its own copy of this module). One
 * copy of the run follows each change, not two: half the work and half the memory.
 */
export function sharedMirrorCache(store) {
  store.aidsMirror ??= {};
  return store.aidsMirror;
}

/** Applies `changes` (null: not known) to `mirror`; false if it could not do them all (the
 *  mirror is then to be rebuilt). */
function follow(mirror, changes, store) {
  if (changes === null) return false;
  for (const { action } of changes) {
    const done = action?.op === 'intervene' ? mirror.intervene(action.step, action.command)
      : action?.op === 'extend' ? mirror.extend()
        : action?.op === 'undo' ? mirror.undo()
          : action?.op === 'redo' ? mirror.redo()
            : false;
    if (!done) return false;
  }
  // A cheap check that the copy is still the page's run.
  return mirror.steps() === store.steps;
}
