// Preset `amnesia`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'X is chosen by S1 and S2. S2 crashes and restarts having lost its promise and its accepted value. S3 then gathers promises from S2 and itself, hears of no accepted value, and gets Y chosen. Acceptors must keep their state on durable storage.',
    outcome: 'Outcome: VIOLATED, stability at step 6, agreement at step 10.',
  },
  'zh-CN': {
    story: 'X 由 S1 和 S2 确定。S2 崩溃并重启，丢失了它的承诺和已接受的值。随后 S3 从 S2 和自己那里获得承诺，没听说任何已接受的值，于是 Y 被确定。Acceptor 必须把状态保存在持久存储上。',
    outcome: '结果：违反，第 6 步违反稳定性，第 10 步违反一致性。',
  },
};
