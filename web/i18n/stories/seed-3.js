// Preset `seed-3`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'The three proposals of §2, now numbered (11-X, 13-Z, 15-Y), and an acceptor takes any higher-numbered proposal. The deliveries are not §2’s, in three places: 15-Y reaches S4 last instead of second, 13-Z reaches S4 before 11-X does, and 15-Y also reaches S3, which in §2 receives no proposal. (In §2’s exact order the numbers would only end the split: Y chosen by S2, S4 and S5 at step 9, nothing overwritten.) Here 13-Z wins S2, S3 and S4, so Z is chosen; then 15-Y overwrites S4 and S3 and the chosen Z is replaced by Y.',
    outcome: 'Outcome: VIOLATED, stability at step 8, agreement at step 9 (Z, then Y).',
  },
  'zh-CN': {
    story: '还是 §2 的三个提议，现在带上了提议号（11-X、13-Z、15-Y），Acceptor 接受任何提议号更大的提议。投递顺序与 §2 有三处不同：15-Y 最后才到达 S4，而不是第二个到达；13-Z 先于 11-X 到达 S4；15-Y 还到达了 S3，而在 §2 中 S3 没有收到任何提议。（若完全按 §2 的顺序，提议号只会打破僵局：第 9 步 Y 被 S2、S4、S5 确定，没有值被覆盖。）这里 13-Z 赢得 S2、S3、S4，Z 被确定；随后 15-Y 覆盖了 S4 和 S3，已确定的 Z 被 Y 取代。',
    outcome: '结果：违反，第 8 步违反稳定性，第 9 步违反一致性（先 Z 后 Y）。',
  },
};
