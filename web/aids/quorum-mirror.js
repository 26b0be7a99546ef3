// The quorum aid's pictures, from the core: the page's module sends none (they would make the
// opening page bigger), so the aids' wasm module keeps a copy of the page's run (a
// QuorumMirror, built from the run's share-link code) and answers for the viewed step. The
// copy is kept while the page's run is the same (`store.runVersion`) and seeks to the step
// asked for (the core keeps checkpoints, so a seek replays a few steps at most).

/**
 * Makes the picture of the viewed step of `store`'s run: of the choice `pick`, or the latest;
 * null before anything reached phase 2 or was chosen. `cache` ({} at first) keeps the mirror.
 * @param aids the initialised aids module (web/aids/module.js)
 */
export function quorumPictureOf(aids, store, pick, cache) {
  if (!cache.mirror || cache.runVersion !== store.runVersion) {
    cache.mirror?.free();
    cache.mirror = null;
    try {
      // The link is the run's shortest form; a run too long for a link goes as its script.
      cache.mirror = aids.QuorumMirror.fromLink(store.pg.link(undefined, 0, 0));
    } catch {
      cache.mirror = aids.QuorumMirror.fromScript(store.script());
    }
    cache.runVersion = store.runVersion;
  }
  return cache.mirror.picture(store.step, pick ?? undefined);
}
