// Preset `livelock`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'Basic Paxos with retries and no backoff. S1 and S5 keep pre-empting each other: each new Prepare reaches a majority before the other’s Accept does, so the proposal numbers climb (11 < 15 < 21 < …) and nothing is chosen for a long time. Never unsafe, just no progress.',
    outcome: 'Outcome: LIVELOCK from step 42 (17 pre-emptions in a row), until Y is finally chosen.',
  },
  'zh-CN': {
    story: '带重试、无退避的 Basic Paxos。S1 和 S5 不断互相抢占：每个新的 Prepare 都在对方的 Accept 之前到达多数派，提议号不断攀升（11 < 15 < 21 < …），很长时间都选不出值。始终安全，只是没有进展。',
    outcome: '结果：从第 42 步起活锁（连续 17 次抢占），直到最终确定 Y。',
  },
};
