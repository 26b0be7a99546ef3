// Preset `livelock-leader`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The same duel, but only S1, the distinguished proposer (a leader), may retry. S5 steps aside after its first pre-emption and the duel ends.',
    outcome: 'Outcome: SAFE, a value is chosen, no livelock.',
  },
  'zh-CN': {
    story: '同样的对抗，但只有指定的 Proposer（Leader）S1 可以重试。S5 在第一次被抢占后退让，对抗结束。',
    outcome: '结果：安全，确定了一个值，没有活锁。',
  },
};
