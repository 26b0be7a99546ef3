// The protocols' names (zh-CN): only the settings dialog and the aids below the cluster write
// them, so each of their modules carries them (web/controls/settings.js, web/controls/aids.js),
// not the page.
export default {
  'protocol.basic-paxos.name': 'Basic Paxos（两阶段）',
  'protocol.one-phase-first.name': '一阶段，先到的值胜出（种子文章 §1–2）',
  'protocol.one-phase-highest.name': '一阶段，提议号大者胜出（种子文章 §3）',
  'protocol.one-phase-adopt.name': '一阶段，发现并重新提议（种子文章 §3b/4）',
  'protocol.multi-paxos.name': 'Multi-Paxos（复制日志）',
  'protocol.multi-paxos.rules': '日志由一个个槽位组成，每个槽位是一个 Paxos 实例，共用一个承诺。收到客户端命令的服务器竞选 Leader：从它第一个不知道已确定的槽位起发送 Prepare n [slots s..]；Acceptor 对所有槽位承诺 n，并逐个槽位回报它接受过的提议号最大的提议。收到 Q1 个承诺后，Leader 在每个槽位重新提议回报中提议号最大的命令，在无人回报的槽位（空洞）提议 no-op，然后把客户端的命令放在其后。只要 n 仍有效，每条命令只需一轮：Accept n #槽位 命令，除非已承诺更大的提议号，否则接受。当 Q2 个 Acceptor 在同一槽位接受了同一个提议时，该命令被确定；Leader 通知其他服务器（Decide），每台服务器按槽位顺序执行已确定的命令。',
  'protocol.multi-paxos-skip-phase1.name': 'Multi-Paxos，跳过阶段一（错误）',
  'protocol.multi-paxos-skip-phase1.rules': '与 Multi-Paxos 相同，但想当 Leader 的服务器用新的提议号直接进入阶段二。没人告诉它哪些槽位可能已有确定的命令，所以它可能把自己的命令放到已确定另一条命令的槽位上。',
  'protocol.multi-paxos-no-repropose.name': 'Multi-Paxos，不重新提议（错误）',
  'protocol.multi-paxos-no-repropose.rules': '与 Multi-Paxos 相同，但新 Leader 忽略承诺中回报的内容，从它第一个未知的槽位起放入自己的命令：那里已确定的命令会被覆盖。',
  'protocol.seed-phase2.name': '两阶段，按种子文章对 Accept 阶段的表述（不检查承诺）',
};
