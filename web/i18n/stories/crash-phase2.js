// Preset `crash-phase2`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'S1 gets promises and crashes after only S2 accepted (11,X). Nobody can tell whether X was chosen, so the next proposer must treat it as possibly chosen: S5’s phase 1 reaches S2, learns of (11,X) and proposes X instead of its own Y.',
    outcome: 'Outcome: SAFE, X is chosen.',
  },
  'zh-CN': {
    story: 'S1 获得承诺后，在只有 S2 接受了 (11,X) 时崩溃。没人知道 X 是否已被确定，所以之后的 Proposer 必须把它当作可能已确定：S5 的阶段一到达 S2，得知 (11,X)，于是提议 X 而不是自己的 Y。',
    outcome: '结果：安全，X 被确定。',
  },
};
