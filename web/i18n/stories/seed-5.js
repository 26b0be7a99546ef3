// Preset `seed-5`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'Basic Paxos. S1 gets promises for 11 and starts phase 2 with X, but S5’s Prepare 15 overtakes it: S3 refuses Accept 11 X and S4 refuses the late Prepare 11. S2 reports that it accepted (11,X), so S5 proposes X instead of its own Y: a value that may have been chosen is carried forward.',
    outcome: 'Outcome: SAFE, X is chosen.',
  },
  'zh-CN': {
    story: 'Basic Paxos。S1 获得提议号 11 的承诺并以 X 开始阶段二，但 S5 的 Prepare 15 抢先一步：S3 拒绝 Accept 11 X，S4 拒绝迟到的 Prepare 11。S2 回报它接受过 (11,X)，于是 S5 提议 X 而不是自己的 Y：可能已被确定的值被延续下去。',
    outcome: '结果：安全，X 被确定。',
  },
};
