// Preset `paxos-basic`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The happy path. S1 sends Prepare 11, a majority promises, S1 sends Accept 11 X, a majority accepts: X is chosen after four message delays. Every later step is a straggler arriving.',
    outcome: 'Outcome: SAFE, X is chosen.',
  },
  'zh-CN': {
    story: '最顺利的情况。S1 发送 Prepare 11，多数派承诺；S1 发送 Accept 11 X，多数派接受：经过四次消息延迟，X 被确定。之后的每一步都只是迟到的消息陆续到达。',
    outcome: '结果：安全，X 被确定。',
  },
};
