// Preset `paxos-basic`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The happy path. S1 sends Prepare 11, a majority promises, S1 sends Accept 11 X, and once a majority has accepted it (step 11) X is chosen: three message delays. A fourth, the Accepted replies, tells S1, which learns X at step 15; the rest arrive late and change nothing.',
    outcome: 'Outcome: SAFE, X is chosen.',
  },
  'zh-CN': {
    story: '最顺利的情况。S1 发送 Prepare 11，多数派承诺；S1 发送 Accept 11 X，多数派一接受（第 11 步），X 就被确定了：三次消息延迟。第四次延迟是 Accepted 回复，S1 在第 15 步由此得知 X；其余的消息迟到，什么也不改变。',
    outcome: '结果：安全，X 被确定。',
  },
};
