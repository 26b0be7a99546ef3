// Preset `livelock-backoff`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The same duel, but a pre-empted proposer waits a random 1 to 10 ticks before trying again. One of them gets through both phases while the other waits.',
    outcome: 'Outcome: SAFE, Y is chosen after a few pre-emptions, no livelock.',
  },
  'zh-CN': {
    story: '同样的对抗，但被抢占的 Proposer 会随机等待 1 到 10 个 tick 再重试。其中一个在另一个等待时顺利通过两个阶段。',
    outcome: '结果：安全，经过几次抢占后 Y 被确定，没有活锁。',
  },
};
