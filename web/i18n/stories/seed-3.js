// Preset `seed-3`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The three proposals of §2, now numbered (11-X, 13-Z, 15-Y), and an acceptor takes any higher-numbered proposal. The deliveries are not §2’s: here 13-Z reaches S2 and S4 right after 11-X, and 15-Y comes last, to S4, S3 and S2. 13-Z wins S2, S3 and S4, so Z is chosen; then 15-Y overwrites S4 and S3 and the chosen Z is replaced by Y.',
    outcome: 'Outcome: VIOLATED, stability at step 8, agreement at step 9 (Z, then Y).',
  },
  'zh-CN': {
    story: '还是 §2 的三个提议，现在带上了提议号（11-X、13-Z、15-Y），Acceptor 接受任何提议号更大的提议。投递顺序与 §2 不同：这里 13-Z 紧跟 11-X 到达 S2 和 S4，15-Y 最后才依次到达 S4、S3 和 S2。13-Z 赢得 S2、S3、S4，Z 被确定；随后 15-Y 覆盖了 S4 和 S3，已确定的 Z 被 Y 取代。',
    outcome: '结果：违反，第 8 步违反稳定性，第 9 步违反一致性（先 Z 后 Y）。',
  },
};
