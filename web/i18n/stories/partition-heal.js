// Preset `partition-heal`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'S1 and S2 are cut off from S3, S4 and S5. S1 cannot gather a majority and keeps timing out; S4, on the majority side, gets Y chosen. After the heal, S1’s next attempt learns of Y in phase 1 and proposes Y too.',
    outcome: 'Outcome: SAFE, Y is chosen; the minority cannot undo it.',
  },
  'zh-CN': {
    story: 'S1、S2 与 S3、S4、S5 被隔开。S1 凑不齐多数派，不断超时；多数派一侧的 S4 让 Y 被确定。分区恢复后，S1 的下一次尝试在阶段一得知了 Y，也提议 Y。',
    outcome: '结果：安全，Y 被确定；少数派无法推翻它。',
  },
};
