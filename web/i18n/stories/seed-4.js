// Preset `seed-4`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'Each acceptor keeps its first proposal and tells later proposers what it holds; a refused proposer retries with the highest-numbered value it found. S1 and S2 keep 11-X, S3 and S4 keep 13-Z, S5 keeps 15-Y. S5 discovers Z and retries with it, but discovering used the same acceptors it needed: nothing moves.',
    outcome: 'Outcome: STUCK.',
  },
  'zh-CN': {
    story: '每个 Acceptor 保留它的第一个提议，并把所持有的提议告诉之后的 Proposer；被拒绝的 Proposer 用发现的提议号最大的值重试。S1、S2 保留 11-X，S3、S4 保留 13-Z，S5 保留 15-Y。S5 发现了 Z 并用它重试，但发现的过程占用了它所需要的同一批 Acceptor：一切停滞。',
    outcome: '结果：卡死。',
  },
};
