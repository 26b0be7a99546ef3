// Preset `flexible-unsafe`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'Phase-1 quorums of 2 and phase-2 quorums of 3 on 5 servers. Because 2 + 3 is not more than 5, the phase-1 quorum {S4,S5} can miss the phase-2 quorum {S1,S2,S3} that chose X: S5 hears of no accepted value and gets its own Y chosen too.',
    outcome: 'Outcome: VIOLATED, agreement at step 10 (X and Y).',
  },
  'zh-CN': {
    story: '5 台服务器上，阶段一法定集合为 2，阶段二为 3。由于 2 + 3 不大于 5，阶段一的法定集合 {S4,S5} 可能与确定 X 的阶段二法定集合 {S1,S2,S3} 没有交集：S5 没听说任何已接受的值，于是它自己的 Y 也被确定了。',
    outcome: '结果：违反，第 10 步违反一致性（X 与 Y）。',
  },
};
