// The protocols' names (zh-CN): only the settings dialog and the aids below the cluster write
// them, so each of their modules carries them (web/controls/settings.js, web/controls/aids.js),
// not the page.
export default {
  'protocol.basic-paxos.name': 'Basic Paxos（两阶段）',
  'protocol.one-phase-first.name': '一阶段，先到的值胜出（种子文章 §1–2）',
  'protocol.one-phase-highest.name': '一阶段，提议号大者胜出（种子文章 §3）',
  'protocol.one-phase-adopt.name': '一阶段，发现并重新提议（种子文章 §3b/4）',
  'protocol.seed-phase2.name': '两阶段，按种子文章对 Accept 阶段的表述（不检查承诺）',
};
