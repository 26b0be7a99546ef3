// Multi-Paxos 的中文文本：预设场景和协议说明。不属于页面打开时加载的内容（100 kB 预算）：
// 由 Multi-Paxos 模块一并加载，就像辅助工具带上自己的文本（web/aids/texts-zh-CN.js）。
export default {
  'protocol.multi-paxos.name': 'Multi-Paxos（复制日志）',
  'protocol.multi-paxos.rules': '日志由一个个槽位组成，每个槽位是一个 Paxos 实例，共用一个承诺。收到客户端命令的服务器竞选 Leader：从它第一个不知道已选定的槽位起发送 Prepare n [slots s..]；Acceptor 对所有槽位承诺 n，并逐个槽位回报它接受过的提议号最大的提议。收到 Q1 个承诺后，Leader 在每个槽位重新提议回报中提议号最大的命令，在无人回报的槽位（空洞）提议 no-op，然后把客户端的命令放在其后。只要 n 仍有效，每条命令只需一轮：Accept n #槽位 命令，除非已承诺更大的提议号，否则接受。当 Q2 个 Acceptor 在同一槽位接受了同一个提议时，该命令被选定；Leader 通知其他服务器（Decide），每台服务器按槽位顺序执行已选定的命令。',
  'protocol.multi-paxos-skip-phase1.name': 'Multi-Paxos，跳过阶段一（错误）',
  'protocol.multi-paxos-skip-phase1.rules': '与 Multi-Paxos 相同，但想当 Leader 的服务器用新的提议号直接进入阶段二。没人告诉它哪些槽位可能已有选定的命令，所以它可能把自己的命令放到已选定另一条命令的槽位上。',
  'protocol.multi-paxos-no-repropose.name': 'Multi-Paxos，不重新提议（错误）',
  'protocol.multi-paxos-no-repropose.rules': '与 Multi-Paxos 相同，但新 Leader 忽略承诺中回报的内容，从它第一个未知的槽位起放入自己的命令：那里已选定的命令会被覆盖。',

  'preset.multi-steady.title': 'Multi-Paxos：阶段一只做一次，之后每条命令一个往返',
  'preset.multi-steady.story': 'S1 收到客户端命令，执行一次阶段一（Prepare 11 [slots 1..]），成为 Leader。只要它的提议号仍有效，就跳过阶段一：之后每条命令只需一个往返（Accept、Accepted），再向其他服务器发一条 Decide。读操作也经过日志，所以每台服务器都在槽位 3 读到 x = 1。',
  'preset.multi-steady.outcome': '结果：安全，日志 #1 set x 1、#2 set y 2、#3 get x 被选定，并在所有服务器上执行。',
  'preset.multi-recovery.title': 'Multi-Paxos：新 Leader 重新提议一个槽位并填补空洞',
  'preset.multi-recovery.story': 'S1 是 Leader，set x 1 在槽位 1 被选定。它为槽位 2 提议 set y 2，为槽位 3 提议 set z 3，但在 S1 崩溃前只有 S4 接受了槽位 3。S5 与 S3、S4 从槽位 2 起执行阶段一。S4 回报 (11,set z 3)，所以 S5 在槽位 3 重新提议 set z 3：它可能已被选定。法定集合中没人回报槽位 2，说明那里不可能有选定的命令，于是 S5 用 no-op 填补空洞；它自己的命令放在槽位 4。S1 重启后用 no-op 替换了自己的 set y 2，执行与 S5 相同的日志：未被选定的命令可能丢失，客户端会重新发送。',
  'preset.multi-recovery.outcome': '结果：安全，#1 set x 1、#2 no-op、#3 set z 3 被选定。',
  'preset.multi-duel.title': 'Multi-Paxos：两台服务器同时竞选 Leader，一台退让',
  'preset.multi-duel.story': 'S1 和 S5 同时收到命令，都去竞选 Leader。S5 的 15 抢占了 S1 的 11：S1 退下并退避。S5 成为 Leader，set y 5 在槽位 1 被选定，但 S1 带着 21 回来，反过来抢占了 S5。S1 的阶段一得知槽位 1 有 (15,set y 5)，于是在那里重新提议 set y 5，把自己的 set x 1 放在槽位 2。S5 退避后再次竞选，发现两个槽位都已选定。',
  'preset.multi-duel.outcome': '结果：安全，#1 set y 5、#2 set x 1 被选定；对抗结束，没有活锁。',
  'preset.multi-partition.title': 'Multi-Paxos：被分区隔开的旧 Leader 在恢复后因提议号被拒绝',
  'preset.multi-partition.story': 'S1 是 Leader，set x 1 被选定。分区把 S1 隔开；它仍以为自己是 Leader，把 set x 2 放在槽位 2，但只有它自己接受了。多数派一侧的 S5 用 15 执行阶段一，set y 5 在槽位 2 被选定。分区恢复后，S1 对槽位 3 的 Accept 11 被其他所有 Acceptor 拒绝，因为它们已承诺 15；一条 Nack 告诉 S1 它已被取代。它用 21 重新竞选，得知槽位 2 有 (15,set y 5)，其提议号大于自己的 (11,set x 2)，于是在那里提议 set y 5，再在槽位 3 提议 set x 3。',
  'preset.multi-partition.outcome': '结果：安全，#1 set x 1、#2 set y 5、#3 set x 3 被选定；旧 Leader 的 set x 2 始终没有被选定。',
};
