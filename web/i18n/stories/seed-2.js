// Preset `seed-2`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'S1, S5 and S3 propose X, Y and Z at about the same time. S1 and S2 keep X, S3 keeps Z, S4 and S5 keep Y. No value has a majority, and no acceptor will ever change its mind: the seed calls it a deadlock.',
    outcome: 'Outcome: STUCK from step 5, nothing can ever be chosen.',
  },
  'zh-CN': {
    story: 'S1、S5、S3 几乎同时分别提议 X、Y、Z。S1 和 S2 保留 X，S3 保留 Z，S4 和 S5 保留 Y。没有一个值获得多数派，也没有 Acceptor 会改变主意：种子文章称之为“死锁”。',
    outcome: '结果：从第 5 步起卡死，再也无法确定任何值。',
  },
};
