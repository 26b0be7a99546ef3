// Preset `paxos-basic`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The happy path: Prepare 11, a majority promises, Accept 11 X, a majority accepts: X is chosen at step 11, three message delays in. S1 learns it at step 15 from the Accepted replies.',
    outcome: 'Outcome: SAFE, X is chosen.',
  },
  'zh-CN': {
    story: '最顺利的情况：Prepare 11，多数派承诺；Accept 11 X，多数派接受：X 在第 11 步被确定，经过三次消息延迟。S1 在第 15 步从 Accepted 回复中得知 X。',
    outcome: '结果：安全，X 被确定。',
  },
};
