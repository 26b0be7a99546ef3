// Preset `seed-1`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'A single accept phase, and each acceptor keeps the first value it hears. S1’s X reaches S1, S2 and S3 first: a majority, so X is chosen. S5’s later Y wins only S4 and S5, and can never reach a majority.',
    outcome: 'Outcome: SAFE, X is chosen and stays chosen.',
  },
  'zh-CN': {
    story: '只有一个 Accept 阶段，每个 Acceptor 保留它收到的第一个值。S1 的 X 最先到达 S1、S2、S3，形成多数派，于是 X 被确定。S5 随后提议的 Y 只赢得了 S4 和 S5，永远不可能形成多数派。',
    outcome: '结果：安全，X 被确定并保持不变。',
  },
};
