// Preset `seed-4`: its story and how it ends, in both languages (web/stories.js loads it
// when the preset is shown; the gallery loads them all when it opens).
export default {
  'en': {
    story: 'Each acceptor keeps its first proposal and tells later proposers what it holds; a refused proposer retries with the highest-numbered value it found. S1 and S2 hold 11-X and S3 holds 13-Z, so X still needs only S4 or S5. But in one phase a check is also a bid: S5’s 15-Y takes S5 itself. Refused by S1, S2 and S3, S5 discovers 13-Z and re-proposes it as 25-Z, which takes S4, the last free acceptor. S1 then discovers Z too and tries 31-Z: the numbers keep rising, and every acceptor refuses.',
    outcome: 'Outcome: STUCK from step 11, when S5’s re-proposal takes S4; until then X could still have been chosen.',
  },
  'zh-CN': {
    story: '每个 Acceptor 保留它的第一个提议，并把所持有的提议告诉之后的 Proposer；被拒绝的 Proposer 用发现的提议号最大的值重试。S1、S2 持有 11-X，S3 持有 13-Z，此时 X 只差 S4 或 S5 中的一个。但在一个阶段里，检查同时也是争夺：S5 的 15-Y 先占用了 S5 自己。被 S1、S2、S3 拒绝后，S5 发现了 13-Z，以 25-Z 重新提议，结果占用了最后一个空闲的 Acceptor S4。随后 S1 也发现了 Z，改提 31-Z：提议号不断增大，每个 Acceptor 都拒绝。',
    outcome: '结果：从第 11 步起卡死，S5 的重新提议占用了 S4；在此之前 X 仍有可能被确定。',
  },
};
